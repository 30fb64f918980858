class AppError(Exception):
    def __init__(self, code):
        super().__init__(f'application failed with code {code}')
        self.code = code
def run():
    raise AppError(42)
print('start')
run()
