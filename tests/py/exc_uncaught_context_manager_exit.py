class Closer:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print('exit sees', et.__name__)
        raise RuntimeError('exit failed too')
with Closer():
    raise ValueError('body failed')
