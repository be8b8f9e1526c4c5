def load(items, i):
    try:
        return items[i]
    except IndexError as e:
        raise LookupError(f'no item {i}') from e
def main():
    data = [10, 20]
    for i in range(3):
        print(load(data, i))
main()
