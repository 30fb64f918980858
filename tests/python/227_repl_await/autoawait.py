# regen: manual -- top-level await at the interactive prompt is a gilpy extra (CPython's plain REPL
# says "'await' outside function"; its `-m asyncio` REPL does this): the awaiting input runs on an
# event loop that lives for the session, so tasks made in one input finish in a later one.
import subprocess
import sys

session = """import asyncio
await asyncio.sleep(0, 'x')
t = asyncio.get_event_loop().create_task(asyncio.sleep(0, 5))
await t
async def f(): return 3

[await f() for _ in range(2)]
1 + 1
await asyncio.sleep(0, None)
raise_here = await asyncio.wait_for(asyncio.sleep(10), 0.01)
print('after the timeout')
"""
p = subprocess.run([sys.executable, "-i", "-q"], input=session, capture_output=True, text=True, timeout=60)
print(p.stdout.replace(">>> ", "").strip())
print(p.stderr.replace(">>> ", "").replace("... ", "").strip().splitlines()[-1])
print("rc", p.returncode)
