def rate(numerator: int | None, denominator: int | None) -> float | None:
    """A fraction 0–1, or None when there is nothing to divide by."""
    if not denominator:
        return None
    return round((numerator or 0) / denominator, 4)
