"""Frozen copies of code the package has since made faster, kept to test and time the fast code
against."""
