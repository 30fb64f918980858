"""Float-heavy loops: a Mandelbrot escape-time grid, Simpson integration and a damped oscillator.
Prints rounded results as the checksum."""
import sys


def mandelbrot(size, max_iter):
    total = 0
    for py in range(size):
        ci = 2.0 * py / size - 1.0
        for px in range(size):
            cr = 2.5 * px / size - 2.0
            zr = zi = 0.0
            n = 0
            while n < max_iter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            total += n
    return total


def simpson(f, a, b, n):
    h = (b - a) / n
    s = f(a) + f(b)
    for i in range(1, n):
        s += (4.0 if i % 2 else 2.0) * f(a + i * h)
    return s * h / 3.0


def oscillator(steps):
    x, v, dt, k, c = 1.0, 0.0, 0.001, 4.0, 0.1
    energy = 0.0
    for _ in range(steps):
        a = -k * x - c * v
        v += a * dt
        x += v * dt
        energy += 0.5 * v * v + 0.5 * k * x * x
    return x, energy


def main(scale):
    print("mandelbrot:", mandelbrot(120 * scale // 10, 60))
    print("simpson: %.10f" % simpson(lambda t: t * t * t - 2.0 * t + 1.0 / (1.0 + t * t), 0.0, 3.0, 200000 * scale // 10))
    x, e = oscillator(300000 * scale // 10)
    print("oscillator: %.8f %.6f" % (x, e))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 24)
