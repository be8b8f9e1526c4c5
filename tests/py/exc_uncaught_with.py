class Resource:
    def __enter__(self):
        print('acquire')
        return self
    def __exit__(self, *exc):
        print('release', exc[0].__name__)
        return False
with Resource():
    print('using')
    raise RuntimeError('inside with')
