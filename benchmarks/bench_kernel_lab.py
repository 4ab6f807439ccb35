"""How long the kernel lab takes from a weight edit to the redrawn result, headless.

    python benchmarks/bench_kernel_lab.py

Each sample is one real mouse click on a weight (button down and up, so the weight rises by
one and the result is computed again) followed by the lab's whole ``draw`` on a 1280x720
canvas: what one frame does after an edit. Also a drag step and a hover. Target: under 16 ms,
one frame at 60 FPS (issue 21). Prints the median and the max of each.
"""

from __future__ import annotations

import statistics
import time

import _common  # noqa: F401  (sets the environment first)
import numpy as np
import pygame

from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.dataset import load_shipped_subset
from mnist_arcade.game.widgets.kernel_lab import KernelLab

SAMPLES = 400
RECT = pygame.Rect(40, 180, 1200, 480)


def timed(action, lab: KernelLab, screen: pygame.Surface) -> list[float]:
    times = []
    for index in range(SAMPLES):
        start = time.perf_counter()
        action(index)
        lab.draw(screen)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    pygame.init()
    screen = pygame.Surface((1280, 720))
    lab = KernelLab(RECT)
    lab.set_image(mnist_digits_as_input(load_shipped_subset().x_test[0]))
    cells = [lab.weight_cell(row, col).center for row in range(3) for col in range(3)]

    def click(index: int) -> None:
        pos, button = cells[index % 9], 1 if index % 2 else 3
        lab.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button))
        lab.handle_event(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button))

    x, y = cells[4]
    lab.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=1))

    def drag(index: int) -> None:
        pos = (x, y - 5 - index % 60)
        lab.handle_event(
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, -1), buttons=(1, 0, 0))
        )

    def hover(index: int) -> None:
        pos = lab.output_pixel(index % 28, (index * 7) % 28)
        lab.handle_event(
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
        )

    for name, action in (("click a weight", click), ("drag a weight", drag)):
        times = timed(action, lab, screen)
        print(
            f"{name} -> redrawn result: median {statistics.median(times):.2f} ms, "
            f"max {max(times):.2f} ms ({SAMPLES} edits; target under 16 ms)"
        )
        if action is drag:
            lab.handle_event(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(x, y), button=1))
    times = timed(hover, lab, screen)
    print(
        f"hover a pixel -> its sum drawn: median {statistics.median(times):.2f} ms, "
        f"max {max(times):.2f} ms"
    )
    assert np.isfinite(lab.output).all()
    pygame.quit()


if __name__ == "__main__":
    main()
