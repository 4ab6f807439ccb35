"""Practice drawings made by the game itself: MNIST digits redrawn with the 25 px brush, stroke
plans replayed as a mouse would draw them, and styles MNIST rarely has. Pure numpy; may import
``canvas``.
"""
