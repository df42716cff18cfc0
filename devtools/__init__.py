"""Helpers the tests, the benchmarks and the docs scripts share; not shipped (the wheel holds graphbuild only).

``pages`` drives explorer pages in headless Chromium; ``synthetic`` makes graphs of any size without spaCy.
"""
