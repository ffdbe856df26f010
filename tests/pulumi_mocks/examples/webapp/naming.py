# Sibling module: checks that the program's folder is importable.
def prefixed(name: str) -> str:
    return f"webapp-{name}"
