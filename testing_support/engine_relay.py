"""The real engine, with a way to block until its next answer: no sleep-and-poll loops.

``ModelClient(starter=RelayedEngine().start)`` starts the real engine thread
(:func:`mnist_arcade.game.services.model_client.start_real_engine`) on a queue of its own and
relays every answer, in order, to the client's queue, counting each one. A test then waits for
an answer as an event (``wait_for_answer``) and drains it with the client's own ``poll``.
"""

from __future__ import annotations

import queue
import threading

from mnist_arcade.game.services.model_client import start_real_engine


class RelayedEngine:
    """Starts the real engine; ``wait_for_answer`` returns once one more answer has arrived."""

    def __init__(self) -> None:
        self._arrived = threading.Semaphore(0)

    def start(self, requests: queue.Queue, replies: queue.Queue) -> threading.Thread:
        answers: queue.Queue = queue.Queue()
        engine = start_real_engine(requests, answers)

        def relay() -> None:
            while True:
                replies.put(answers.get())
                self._arrived.release()

        threading.Thread(target=relay, name="engine-relay", daemon=True).start()
        return engine

    def wait_for_answer(self, timeout: float = 60.0) -> bool:
        """Block until the engine has sent one more answer than was waited for (True), or
        ``timeout`` seconds pass (False)."""
        return self._arrived.acquire(timeout=timeout)
