import sys
class Bad:
    def find_spec(self, name, path, target=None):
        if name == "zzz": raise RuntimeError("finder broke")
        return None
sys.meta_path.insert(0, Bad())
try:
    import zzz
except RuntimeError as e: print("RuntimeError", e)
import json; print("json ok")
def hook(path):
    if path == "raise-other": raise ValueError("hook broke")
    raise ImportError
sys.path_hooks.insert(0, hook)
sys.path.insert(0, "raise-other")
try:
    import yyy
except ValueError as e: print("ValueError", e)
sys.path.remove("raise-other")
try:
    import yyy2
except ModuleNotFoundError as e: print(e)
sys.meta_path.clear()
try:
    import qqq
except ModuleNotFoundError as e: print(e)
