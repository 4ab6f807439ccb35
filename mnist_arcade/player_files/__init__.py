"""The player's own files in their user folder: the one folder lock, atomic writes, the digit
book, the model library and unfinished saves. Pure Python and numpy: no TensorFlow, no pygame.
"""
