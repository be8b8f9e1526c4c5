class Config:
    def __init__(self):
        self.values = {'a': {'b': None}}
cfg = Config()
print(cfg.values['a'])
print(cfg.values['a']['b'].upper())
