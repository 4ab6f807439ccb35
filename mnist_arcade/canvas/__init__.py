"""From the drawing board to the network's input: the board's brush, the 28x28 preprocessing,
deskewing, and image files read for ``mnist-arcade predict``. Pure numpy and Pillow; imports
nothing else of the game but ``errors``.
"""
