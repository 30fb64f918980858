class ConfigError(Exception):
    pass
def load(path):
    try:
        with open(path) as f:
            return f.read()
    except FileNotFoundError as e:
        raise ConfigError(f'cannot load {path}') from e
load('/nonexistent/config.ini')
