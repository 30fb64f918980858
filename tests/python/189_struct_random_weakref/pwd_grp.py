# pwd and grp: root's entries (deterministic on every Linux), record types, and error texts.
import pwd, grp

r = pwd.getpwuid(0)
print(r)
print(r.pw_name, r.pw_uid, r.pw_gid, type(r.pw_dir).__name__, type(r.pw_shell).__name__)
print(pwd.getpwnam('root') == r, tuple(r)[:4], len(r))
print(pwd.struct_passwd.n_fields, pwd.struct_passwd.n_sequence_fields, type(r).__name__, type(r).__module__)
print(isinstance(r, tuple), r[0], r[2])
allp = pwd.getpwall()
print(type(allp).__name__, any(p.pw_uid == 0 for p in allp), all(isinstance(p, pwd.struct_passwd) for p in allp))

g = grp.getgrgid(0)
print(g.gr_name, g.gr_gid, type(g.gr_mem).__name__, type(g.gr_passwd).__name__)
print(grp.getgrnam('root') == g, len(g), grp.struct_group.n_fields)
allg = grp.getgrall()
print(type(allg).__name__, any(x.gr_gid == 0 for x in allg), all(isinstance(x.gr_mem, list) for x in allg))

for f in [lambda: pwd.getpwnam('nosuchuser'), lambda: pwd.getpwuid(12345), lambda: pwd.getpwuid(-5),
          lambda: pwd.getpwuid(2**70), lambda: pwd.getpwuid('x'), lambda: pwd.getpwnam(1),
          lambda: pwd.getpwnam('a\0b'), lambda: grp.getgrnam('nosuch'), lambda: grp.getgrgid(12345),
          lambda: grp.getgrgid('x'), lambda: grp.getgrnam(3), lambda: grp.getgrgid(-5)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(pwd.getpwuid(True).pw_uid)
