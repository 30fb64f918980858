# Classes, properties, exceptions and a transaction log.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f'{account.owner} cannot withdraw {amount}: balance {account.balance}')
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account._next_id; Account._next_id += 1
        self.owner, self._balance, self.log = owner, balance, []
    @property
    def balance(self): return self._balance
    def deposit(self, amount):
        if amount <= 0: raise ValueError('deposit must be positive')
        self._balance += amount; self.log.append(('deposit', amount))
    def withdraw(self, amount):
        if amount > self._balance: raise InsufficientFunds(self, amount)
        self._balance -= amount; self.log.append(('withdraw', amount))
    def __repr__(self): return f'Account#{self.id}({self.owner!r}, {self._balance})'
class Savings(Account):
    rate = 0.02
    def add_interest(self):
        interest = round(self._balance * self.rate, 2)
        self.deposit(interest)
        return interest
def transfer(src, dst, amount):
    try:
        src.withdraw(amount)
    except InsufficientFunds as e:
        print('transfer failed:', e)
        return False
    else:
        dst.deposit(amount)
        return True
    finally:
        print(f'transfer {amount} {src.owner}->{dst.owner} attempted')
a, b = Account('ann', 100), Savings('bob', 50)
print(transfer(a, b, 30), transfer(a, b, 500), a, b)
print(b.add_interest(), b.balance, b.log, a.log)
try:
    a.deposit(-5)
except ValueError as e:
    print('ValueError', e)
try:
    a.balance = 5
except AttributeError as e:
    print('AttributeError', e)
accounts = [a, b, Account('cy', 75)]
print(sorted(accounts, key=lambda acc: acc.balance), sum(acc.balance for acc in accounts), max(accounts, key=lambda acc: acc.balance).owner)
