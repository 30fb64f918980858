class Stack:
    def __init__(self):
        self.items = []
    def pop(self):
        return self.items.pop()
    def peek_and_pop(self):
        top = self.pop()
        return top
s = Stack()
s.peek_and_pop()
