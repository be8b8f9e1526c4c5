# Bank simulation with an exception hierarchy, try/except/else/finally, chaining,
# and an uncaught chained exception at the end (traceback on stderr, status 1).
import sys


class BankError(Exception):
    """Base class for bank errors."""


class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount} (balance {account.balance})")
        self.account, self.amount = account, amount


class AccountFrozen(BankError):
    pass


class AuditFailure(RuntimeError):
    pass


class Account:
    _next = 1000

    def __init__(self, owner, balance=0):
        self.owner, self.balance = owner, balance
        self.frozen = False
        self.number = Account._next
        Account._next += 1
        self.history = []

    def withdraw(self, amount):
        if self.frozen:
            raise AccountFrozen(f"account {self.number} is frozen")
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(-amount)

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"invalid amount: {amount!r}")
        self.balance += amount
        self.history.append(amount)


def transfer(src, dst, amount, log):
    log.append(f"begin {src.owner}->{dst.owner} {amount}")
    try:
        src.withdraw(amount)
        try:
            dst.deposit(amount)
        except ValueError as e:
            src.deposit(amount) if amount > 0 else None
            raise BankError("deposit rejected") from e
    except InsufficientFunds as e:
        log.append(f"insufficient: short by {e.amount - e.account.balance}")
        return False
    except BankError as e:
        log.append(f"bank error {type(e).__name__}: {e}; cause={e.__cause__!r}")
        return False
    else:
        log.append("ok")
        return True
    finally:
        log.append(f"end balances {src.balance}/{dst.balance}")


alice, bob = Account("alice", 100), Account("bob", 20)
log = []
results = [transfer(alice, bob, 30, log), transfer(bob, alice, 500, log), transfer(alice, bob, 0, log)]
alice.frozen = True
results.append(transfer(alice, bob, 5, log))
print(results)
print("\n".join(log))
print(alice.history, bob.history, alice.number, bob.number)
print(BankError.__doc__, issubclass(InsufficientFunds, Exception), InsufficientFunds.__mro__[1].__name__)


def nested_finally():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally runs")
    except KeyError as e:
        return f"caught {e!r}, context={e.__context__}"
    finally:
        print("outer finally runs")


print(nested_finally())


def audit(accounts):
    total = 0
    for acct in accounts:
        try:
            total += check(acct)
        except ZeroDivisionError:
            raise AuditFailure(f"audit failed at account {acct.number}")
    return total


def check(acct):
    ratio = acct.balance / (len(acct.history) - 2)
    return int(ratio)


def close_books(accounts):
    try:
        return audit(accounts)
    except AuditFailure as exc:
        raise SystemError("books could not be closed") from exc


print("closing books", file=sys.stderr)
sys.stdout.flush()
close_books([alice, bob])
print("not reached")
