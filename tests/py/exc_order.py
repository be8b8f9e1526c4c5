log = []
def run(action):
    try:
        log.append('try')
        if action == 'raise':
            raise ValueError('v')
        if action == 'return':
            return 'r'
        log.append('try-end')
    except ValueError:
        log.append('except')
    else:
        log.append('else')
    finally:
        log.append('finally')
    log.append('after')
    return None
for a in ['ok', 'raise', 'return']:
    log.clear()
    r = run(a)
    print(a, r, log)
def nested():
    try:
        try:
            raise KeyError('k')
        except ValueError:
            print('wrong handler')
        finally:
            print('inner finally')
    except KeyError as e:
        print('outer handler', e)
    finally:
        print('outer finally')
nested()
def except_raises():
    try:
        raise ValueError('first')
    except ValueError:
        raise TypeError('second')
    finally:
        print('finally still runs')
try:
    except_raises()
except TypeError as e:
    print('got', repr(e), repr(e.__context__))
def finally_raises():
    try:
        raise ValueError('lost')
    finally:
        raise KeyError('replaces')
try:
    finally_raises()
except KeyError as e:
    print('got', repr(e), 'context', repr(e.__context__))
def else_raises():
    try:
        pass
    except Exception:
        print('not here')
    else:
        raise IndexError('from else')
try:
    else_raises()
except IndexError as e:
    print('else raised', e)
