x = f"{a\\nb}"
