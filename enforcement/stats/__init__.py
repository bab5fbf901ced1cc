"""Yearly figures of the enforcement area, one module per subject.

Each function takes a Scope and a year and answers a flat dict of counts and
rates (fractions 0–1, None when the denominator is 0) in a fixed number of
aggregate queries.
"""
