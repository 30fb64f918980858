# Text processing: word frequencies, n-grams, formatting a report table.
import collections, re, textwrap
TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair."""
words = re.findall(r"[a-z']+", TEXT.lower())
freq = collections.Counter(words)
print(len(words), len(freq))
for word, n in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]:
    print(f'{word:>12} {n:3d} {"#" * n}')
bigrams = collections.Counter(zip(words, words[1:]))
print(bigrams.most_common(3))
lengths = collections.defaultdict(list)
for w in sorted(set(words)):
    lengths[len(w)].append(w)
for k in sorted(lengths):
    print(k, ', '.join(lengths[k]))
print(textwrap.fill(' '.join(w.capitalize() for w in words[:20]), 40))
print(max(words, key=len), sum(map(len, words)) / len(words), sorted(set(TEXT) - set('abcdefghijklmnopqrstuvwxyz ')))
