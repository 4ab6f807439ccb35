"""The player's digit book and teaching it: a digit key after a reading keeps the drawing with
its right label; K teaches the model in use the book's digits (a fine-tune run)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from mnist_arcade.game.services.challenge import with_article
from mnist_arcade.game.services.model_client import ModelClient
from mnist_arcade.game.services.training_session import TrainingSession
from mnist_arcade.game.state.notices import Notices
from mnist_arcade.game.state.readings import Readings
from mnist_arcade.game.state.training_news import TrainingNews
from mnist_arcade.game.widgets.theme import GOOD, MUTED, WARN
from mnist_arcade.game.words import phrase
from mnist_arcade.player_files.atomic_files import why_not_saved
from mnist_arcade.player_files.digit_book import DigitBook, book_path, load_book, save_book
from mnist_arcade.player_files.folder_lock import UserFolderBusy
from mnist_arcade.presets import PresetName

LOG = logging.getLogger(__name__)

MIN_TAUGHT = 5  # digits in the book before "learn my digits" makes sense


@dataclass
class Teaching:
    """The digit book (loaded from the player's folder on first use) and teaching it."""

    readings: Readings
    model: ModelClient
    training: TrainingSession
    notices: Notices
    news: TrainingNews
    _book: DigitBook | None = None
    _booked: tuple[int, int] | None = None  # (reading serial, book length) of the last digit key

    @property
    def book(self) -> DigitBook:
        if self._book is None:
            self._book, problem = load_book()
            if problem:
                self.notices.say(problem, WARN)
        return self._book

    def save_book(self) -> bool:
        """Merge the book into its file (another copy of the game may have saved digits too)."""
        try:
            save_book(self.book)
            return True
        except (OSError, UserFolderBusy) as error:
            LOG.warning("the digit book could not be saved: %r", error)
            reason = why_not_saved(error, book_path()) if isinstance(error, OSError) else error
            self.notices.say(phrase("book.save_failed", reason=reason), WARN)
            return False

    def add_to_book(self, label: int) -> bool:
        """'This was a ``label``': keep the drawing just read in the player's digit book."""
        reading = self.readings.reading
        if reading is None or self.readings.is_stale:
            self.notices.say(phrase("book.how_to_teach"), MUTED)
            return False
        serial, book = self.readings.serial, self.book
        corrected = self._booked == (serial, len(book))
        if corrected:  # a second digit key for the same drawing corrects it, not a copy
            book.remove(len(book) - 1)
        book.add(reading.prediction.net_input, self.readings.board.pixels, label)
        stored = self.save_book()  # merged: digits another copy saved may join the book here
        self._booked = (serial, len(book))  # this drawing is the last one
        if not stored:
            return False
        read = reading.prediction.digit
        verdict = (
            phrase("book.read_right") if read == label else phrase("book.read_other", digit=read)
        )
        key = "book.saved_instead" if corrected else "book.saved"
        self.notices.say(
            phrase(key, digit=with_article(label), verdict=verdict, count=len(book)), GOOD
        )
        return True

    def start_finetune(self) -> bool:
        """Teach the model in use the book's digits, mixed with MNIST; True if a run started
        (the caller shows the training screen)."""
        book = self.book
        if len(book) < MIN_TAUGHT:
            self.notices.say(phrase("teach.too_few", needed=MIN_TAUGHT, count=len(book)), MUTED)
            return False
        if self.model.weights is None:
            self.notices.say(phrase("teach.still_loading"), MUTED)
            return False
        started = self.training.start(
            PresetName.FINETUNE,
            incumbent_weights=self.model.weights,
            book=(book.inputs, book.labels),
        )
        if not started:
            self.notices.say(phrase("teach.run_going"), WARN)
            return False
        self.news.forget_preview()
        self.notices.say(phrase("teach.teaching", count=len(book)), MUTED)
        return True
