"""Frozen copies of code the package has since made faster, kept to test the fast code against."""
