"""How fast the "explain" views answer: the occlusion map and the detail card, beside P.

    python benchmarks/bench_explain.py

One run, with the real engine thread and the shipped model, on a real MNIST digit redrawn with
the game's brush. Printed, as medians of interleaved rounds (so machine noise hits all alike):

* P: one PredictRequest round trip through the engine (request, then poll as the game loop
  does until the answer is back);
* the occlusion map: one OcclusionRequest round trip (144 covered copies and the input, read in
  one batched call, turned into evidence maps), with its parts measured in-process;
* the detail card: ``open_tile`` plus its first ``draw`` with no text cached yet, for each
  kind of card;
* the overlay: building it and drawing it over the board.

Targets (issue 9): occlusion map <= 20 ms; a detail card opens within one frame (<= 16 ms).
"""

from __future__ import annotations

import time

import _common  # noqa: F401  (sets the environment first)
import numpy as np
import pygame
from _common import board_with_digit, interleaved_median_ms

from mnist_arcade.canvas.preprocess import to_network_input
from mnist_arcade.explaining import field_on_board, occlusion
from mnist_arcade.game.services.model_client import Answer, ModelClient, OcclusionAnswer
from mnist_arcade.game.widgets.detail_view import DetailView
from mnist_arcade.game.widgets.occlusion_overlay import OcclusionOverlay
from mnist_arcade.game.widgets.text import Text

ROUNDS = 60
CARD_RECT = pygame.Rect(384, 96, 844, 476)  # the board scene's network panel, inside its edge
OCCLUSION_TARGET_MS = 20.0
FRAME_MS = 1000 / 60


def round_trip(client: ModelClient, ask, kind) -> object:
    """Send one request and poll, as the game loop does, until its answer is back."""
    request = ask()
    while True:
        for event in client.poll():
            if isinstance(event, kind) and event.request_id == request:
                return event
        time.sleep(0.0001)


def main() -> None:
    pygame.init()
    client = ModelClient()
    client.start()
    if not client.wait(180) or not client.ready:
        raise SystemExit(f"the engine did not load a model: {client.error}")
    board, label = board_with_digit(0)
    net_input = to_network_input(board)
    prediction = round_trip(client, lambda: client.request_prediction(net_input), Answer).prediction
    weights = client.weights

    # The occlusion map's parts, in this thread, with a predictor of its own on the same model.
    from mnist_arcade import paths
    from mnist_arcade.ml.model_files import load_model
    from mnist_arcade.ml.predictor import Predictor

    local = Predictor(load_model(paths.shipped_model_path()))
    batch, boxes = occlusion.occlusion_inputs(net_input)
    stacked = np.concatenate([net_input[None], batch])
    probabilities = local.probabilities(stacked)
    winner, runner_up = occlusion.top_two(probabilities[0])

    text = Text()
    card = DetailView(text, CARD_RECT)
    screen = pygame.Surface((1280, 720))

    def open_card(layer: str, channel: int):
        def run():
            text._cache.clear()  # cold: every number rendered afresh, as on a first click
            card.open_tile(layer, channel, prediction, weights)
            card.draw(screen)

        return run

    evidence = round_trip(
        client, lambda: client.request_occlusion(net_input), OcclusionAnswer
    ).evidence
    box = field_on_board.field_box_on_board(board)
    board_rect = pygame.Rect(40, 84, *board.shape[::-1])

    def overlay():
        OcclusionOverlay(evidence).draw_on_board(screen, board_rect, box)

    results = interleaved_median_ms(
        {
            "P: PredictRequest round trip": lambda: round_trip(
                client, lambda: client.request_prediction(net_input), Answer
            ),
            "occlusion map: OcclusionRequest round trip": lambda: round_trip(
                client, lambda: client.request_occlusion(net_input), OcclusionAnswer
            ),
            "  in-process: occlusion_inputs (144 copies)": lambda: occlusion.occlusion_inputs(
                net_input
            ),
            "  in-process: one batched call of 145": lambda: local.probabilities(stacked),
            "  in-process: occlusion_map": lambda: occlusion.occlusion_map(
                probabilities[0], probabilities[1:], boxes, winner, runner_up
            ),
            "  board -> field box on the board": lambda: field_on_board.field_box_on_board(board),
            "overlay: build + draw over the board": overlay,
            "detail card conv1: open + first draw": open_card("conv1", 3),
            "detail card conv2: open + first draw": open_card("conv2", 7),
            "detail card pool1: open + first draw": open_card("pool1", 2),
            "detail card dense: open + first draw": open_card("dense", 0),
        },
        ROUNDS,
    )
    client.shutdown(30)

    print(f"digit on the board: {label}, read as {prediction.digit}; {evidence!r}")
    print(f"occlusion batch: {len(batch)} covered copies + the input, in one call")
    print(f"median of {ROUNDS} interleaved rounds:")
    for name, ms in results.items():
        print(f"  {name:46s} {ms:8.3f} ms")
    occlusion_ms = results["occlusion map: OcclusionRequest round trip"]
    p_time = results["P: PredictRequest round trip"]
    slowest_card = max(ms for name, ms in results.items() if name.startswith("detail card"))
    print(f"occlusion map / P              = {occlusion_ms / p_time:6.1f}x")
    met = "yes" if occlusion_ms <= OCCLUSION_TARGET_MS else "NO"
    print(f"occlusion within the {OCCLUSION_TARGET_MS:.0f} ms target: {met}")
    met = "yes" if slowest_card <= FRAME_MS else "NO"
    print(f"slowest detail card within one frame ({FRAME_MS:.1f} ms): {met}")
    pygame.quit()


if __name__ == "__main__":
    main()
