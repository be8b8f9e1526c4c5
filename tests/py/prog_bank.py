class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f'need {needed}, have {available}')
        self.needed, self.available = needed, available
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError('deposit must be positive')
        self.balance += amt
        self.history.append(('dep', amt))
        return self
    def withdraw(self, amt):
        if amt > self.balance:
            raise InsufficientFunds(amt, self.balance)
        self.balance -= amt
        self.history.append(('wd', amt))
        return self
    def __repr__(self):
        return f'Account#{self.id}({self.owner!r}, {self.balance})'
class Savings(Account):
    rate = 0.05
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest
def transfer(src, dst, amt):
    try:
        src.withdraw(amt)
    except InsufficientFunds as e:
        print('transfer failed:', e, e.needed - e.available)
        return False
    else:
        dst.deposit(amt)
        return True
    finally:
        print('transfer attempted', src.id, '->', dst.id, amt)
a = Account('ann', 100)
s = Savings('sam')
print(a, s)
print(transfer(a, s, 30), transfer(a, s, 500), a, s)
print(s.add_interest(), s, s.history, a.history)
try:
    a.deposit(-5)
except ValueError as e:
    print('ValueError:', e)
print(a.deposit(1).deposit(2).withdraw(3), isinstance(s, Account), Savings.__mro__[1].__name__)
