"""The English words of the game, keyed by name (see :mod:`mnist_arcade.game.words`).

One section per part or screen. Values are ``str.format`` templates: ``{name}`` is put in as
given, ``{accuracy:.1%}`` formats a share, ``{digits:,}`` a count. Keep a key's values when
rewording it: the code fills them by name.
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # --- notice ----------------------------------------------------------------------------------
    "notice.loading": "Loading the network... you can draw already.",
    "notice.key_does_nothing": "That key does nothing here: press H to see every key.",
    "notice.larger_text_on": "Larger text on (F2 again: back to normal).",
    "notice.larger_text_off": "Larger text off.",
    "notice.larger_text_small_window": (
        "The window is smaller than the game, so the text is larger: it stays easy to read."
    ),
    "notice.larger_text_chosen_small_window": (
        "Larger text on: it stays on when the window is big again (F2 again: not then)."
    ),
    "notice.larger_text_kept_small_window": (
        "Larger text stays on while the window is small: make it bigger (or press F) first."
    ),
    "notice.larger_text_elsewhere_on": (
        "The lesson's text is large already; larger text is on for the other screens."
    ),
    "notice.larger_text_elsewhere_off": (
        "Larger text is off for the other screens; the lesson's text stays large."
    ),
    # --- method ----------------------------------------------------------------------------------
    "method.mnist": "MNIST-style centring",
    "method.plain": "the tutorial's plain resize",
    # --- reading ---------------------------------------------------------------------------------
    "reading.board_empty": "The board is empty: draw a digit with the mouse, then press P.",
    "reading.no_model": "No model to read with ({error}). Press T to train one.",
    "reading.watch": "Watch your digit flow through the network, left to right.",
    "reading.still_loading": "The network is still loading; it will read your digit in a moment.",
    "reading.live_on": "Live reading on: the network reads while you draw.",
    "reading.live_off": "Live reading off: press P to read your digit.",
    "reading.cleared": "Board cleared (Ctrl+Z brings it back). Draw a digit, then press P.",
    "reading.undone": "Took back the last stroke; Ctrl+Z again takes back the one before.",
    "reading.undone_clear": (
        "Brought back the drawing you cleared; Ctrl+Z again takes back its last stroke."
    ),
    "reading.nothing_to_undo": "Nothing to take back: the board is as it was at the start.",
    "reading.method": "Preprocessing: {method}.",
    # --- source --------------------------------------------------------------------------------
    "source.shipped": "the small set of real MNIST digits that comes with the game",
    "source.keras": "the whole MNIST set of handwritten digits",
    "source.named": "the MNIST digits you named (--data)",
    # --- run -------------------------------------------------------------------------------------
    "run.taught": "the model taught your {digits} digits",
    "run.preset": "your {preset}",
    # A run's kind as the screens name it (the CLI's --preset seed|full are code names).
    "run_kind.seed": "tutorial run",
    "run_kind.full": "full run",
    "run_kind.finetune": "taught run",
    "run_kind.saved": "saved model",
    "run_kind.aside": "kept-aside run",
    "run.library_name": "your {run} of {day} {month}, {clock}",
    "run.library_number": " (no. {number})",
    "run.months": "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec",
    # --- switch ----------------------------------------------------------------------------------
    "switch.kept_aside_question": "Use the kept-aside run ({name})? Press Enter again to switch.",
    "switch.kept_aside_going": "Putting the run you chose in use...",
    "switch.stop_training_first": "Stop training first (T), then switch models.",
    "switch.still_loading": "The network is still loading; try again in a moment.",
    "switch.nothing_kept": "No runs kept yet: train one (T) and it joins your models.",
    "switch.shipped_name": "the shipped model",
    "switch.place": "run {index} of {total} kept, best first",
    "switch.place_shipped": "the one the game came with",
    "switch.place_with_accuracy": "practice exam {accuracy:.1%}; {place}",
    "switch.next_question": "Use {name} ({place})? Press N again to switch.",
    "switch.switching": "Switching to {name} ({place})...",
    "switch.stop_training_before_restore": (
        "Stop training first (T), then restore the shipped model."
    ),
    "switch.restore_question": (
        "Go back to the shipped model? Press R again to confirm (your own model is kept "
        "aside, not deleted)."
    ),
    "switch.restoring": "Restoring the shipped model...",
    "switch.no_model": "no model",
    "switch.failed": "Still using {name}: could not switch ({reason}).",
    "switch.failed_set_aside": (
        "Still using {name}: could not switch ({reason}). It was {where}; N offers the next."
    ),
    # --- model -----------------------------------------------------------------------------------
    "model.accuracy": " (final exam: {accuracy:.1%} of {measured_on} right)",
    "model.warning": "{warning}. Now using {name}{accuracy}.",
    "model.warning_whole": "{warning}.",  # a warning that names the model in use itself
    "model.saved_kept_aside": (
        "Your saved model could not be read. It is kept aside as {name}; the shipped model "
        "is in use"
    ),
    "model.saved_left_unread": (
        "This version of the game cannot read your saved model. It is kept as it was, "
        "{name}; the shipped model is in use"
    ),
    "model.ready": "Network ready: {name}{accuracy}. Draw, then press P.",
    "model.now_using": "Now using {name}{accuracy}.{note}",
    # --- book ------------------------------------------------------------------------------------
    "book.save_failed": "Could not save your digit book: {reason}.",
    "book.how_to_teach": (
        "Digit keys teach the network: draw, let it read (P), then press the digit it should be."
    ),
    "book.read_right": "it read it right",
    "book.read_other": "it read {digit}",
    "book.saved": "Saved as {digit} ({verdict}). {count} in your digit book: K teaches them.",
    "book.saved_instead": (
        "Saved as {digit} instead ({verdict}). {count} in your digit book: K teaches them."
    ),
    # --- teach -----------------------------------------------------------------------------------
    "teach.too_few": (
        "Teach at least {needed} digits first ({count} so far): after a reading, press "
        "the digit it should have been."
    ),
    "teach.still_loading": "The network is still loading; try again in a moment.",
    "teach.run_going": "A run is still going: stop it first (T, then Esc).",
    "teach.teaching": "Teaching the network your {count} digits...",
    "teach.use_title": "Use the taught model?",
    "teach.use_digits": (
        "Your digits read right: {before} of {digits} before, {after} of {digits} after"
    ),
    "teach.use_exam": "MNIST practice exam: {before} before, {after} after",
    "teach.use_keys": "Enter: yes, use it        Esc: keep the old one",
    "teach.kept_old": (
        "Kept the old model in use. The taught one is kept too: N brings it back."
    ),
    # --- training --------------------------------------------------------------------------------
    "training.started": "Starting the {preset}; the model in use stays.",
    "training.failed": "Training failed: {error}",
    "training.not_saved": "{problem}.",  # the trainer's plain sentence: the file it used
    "training.nothing_to_keep": "Stopped before it had learned much: nothing kept.",
    "training.adopted": "Training {status}: {scores}. Now in use.",
    "training.taught": (
        "Taught: {before} of your {digits} digits read right before, {after} after. The "
        "training screen (T) asks whether to use it."
    ),
    "training.kept_aside": "Run kept aside: {scores}. On the training screen, Enter twice uses it.",
    "training.scores": "practice exam: {accuracy:.1%} of {digits:,} unseen digits",
    "training.scores_beside": (
        "practice exam: {accuracy:.1%} of {digits:,} unseen digits (model in use, same digits: "
        "{in_use:.1%})"
    ),
    # --- why -------------------------------------------------------------------------------------
    "why.read_first": "Read a digit first (P), then ask why (W).",
    "why.covering": "Covering parts of your digit to see which ones matter...",
    "why.answer": (
        "We covered each square in turn: green means covering it made {digit} less likely, "
        "pink that it made {runner_up} less likely."
    ),
    "why.answer_alone": (
        "We covered each square in turn: green means covering it made {digit} less likely, "
        "pink more likely."
    ),
    "why.how_made": (
        "Why a {digit}? Covering a green square made {digit} less likely; a pink one made "
        "{runner_up} less likely"
    ),
    "why.how_made_alone": (
        "Why a {digit}? Covering a green square made {digit} less likely; a pink one, more likely"
    ),
    # --- engine ----------------------------------------------------------------------------------
    "engine.could_not": "The network could not do that: {problem}",
    "engine.no_model": "No model could be loaded: {error}. Press T to train one.",
    # --- book_screen -----------------------------------------------------------------------------
    "book_screen.title": "Your digit book",
    "book_screen.panel_squares": (
        "one of your drawings as the network sees it, the digit you said it is, and what "
        "the network in use reads it as now; click one to pick it"
    ),
    "book_screen.key_delete": "remove the digit you clicked",
    "book_screen.key_clear": "clear the whole book (asks first)",
    "book_screen.key_teach": "teach the network these digits",
    # --- keys ------------------------------------------------------------------------------------
    "keys.back_to_board": "back to the board",
    "keys.fullscreen": "fullscreen on or off",
    "keys.larger_text": "larger text on or off (for a projector)",
    # --- book_screen -----------------------------------------------------------------------------
    "book_screen.pick_first": "Click a digit first, then Delete removes it.",
    "book_screen.removed": "Removed a {digit}; {count} digits left.",
    "book_screen.removed_one": "Removed a {digit}; {count} digit left.",
    "book_screen.clear_question": "Clear all {count} digits? Press X again to confirm.",
    "book_screen.clear_question_one": "Clear your {count} digit? Press X again to confirm.",
    "book_screen.emptied": "Your digit book is empty now.",
    "book_screen.count_of_digit": "{digit}: {count}",
    "book_screen.summary": "{count} digits    {counts}",
    "book_screen.summary_one": "{count} digit    {counts}",
    "book_screen.delete_picked": "Delete removes the digit outlined in yellow.",
    "book_screen.how_to_pick": "Click a digit to pick it; Delete then removes it.",
    "book_screen.empty": (
        "Empty. On the board: draw, let the network read it, then press the digit it "
        "should be (0-9)."
    ),
    "book_screen.label_is": "is {digit}",
    "book_screen.label_read": "read {digit}",
    # --- train_screen ----------------------------------------------------------------------------
    "train_screen.preset_seed": "1  the tutorial run (1,000 digits, batch 500, 50 epochs)",
    "train_screen.preset_full": (
        "2  the full run: every training digit + drawings like yours, augmented (about 99%)"
    ),
    "train_screen.epoch_words": (
        "An epoch is one pass over all the training digits, in batches (one small "
        "correction of the weights per batch); samples/s: digits learned from per second."
    ),
    "train_screen.title": "Training the network",
    "train_screen.panel_accuracy": (
        "how many digits it reads right after each epoch (one pass over the data)"
    ),
    "train_screen.panel_val_accuracy": (
        "the same on digits it never learns from: a quick check after each epoch"
    ),
    "train_screen.panel_loss": "how wrong it is on average; lower is better",
    "train_screen.panel_maps": "your digit read by the network as it is right now",
    "train_screen.accuracy_chart": "Accuracy per epoch",
    "train_screen.accuracy_axis": "accuracy",
    "train_screen.accuracy_subtitle": (
        "digits read right: training digits, and val: digits it never learns from"
    ),
    "train_screen.accuracy_subtitle_counts": (
        "read right: its {train:,} training digits, and val: {validation:,} it never sees"
    ),
    "train_screen.loss_chart": "Loss per epoch",
    "train_screen.loss_axis": "cross-entropy loss",
    "train_screen.loss_subtitle": "how wrong it is on average (cross-entropy): lower is better",
    "train_screen.key_stop": "stop the run, back to the board",
    "train_screen.key_back": "back to the board, training goes on",
    "train_screen.key_seed": "the tutorial run",
    "train_screen.key_full": "the full run",
    "train_screen.key_again": "start a run (the last preset again)",
    "train_screen.key_use": "use a kept-aside run (press twice)",
    "train_screen.key_use_taught": "use the taught model",
    "train_screen.run_going": "A run is still going: Esc stops it first.",
    "train_screen.nothing_aside": "There is no kept-aside run to use. Space trains again.",
    "train_screen.heading": "Training the CNN",
    "train_screen.no_reading": (
        "Draw a digit on the board (B) and press P: its feature maps will change here "
        "after every epoch."
    ),
    "train_screen.examples": "{count} test digits:",
    "train_screen.examples_legend": "label / read now",
    "train_screen.data_failed": (
        "Data: none could be used (the reason is below). 1 or 2 tries again."
    ),
    "train_screen.data_drawing": (
        "Data: MNIST found; practice drawings are made from it before the first epoch"
    ),
    "train_screen.data_looking": "Data: looking for MNIST...",
    "train_screen.data_idle": "Data: real MNIST digits, found when a run starts.",
    "train_screen.data_teaching": (
        "Teaching your {count} digits (each nudged a few ways), mixed with digits from "
        "{source}, so it does not forget MNIST"
    ),
    "train_screen.data": (
        "Data: {train:,} digits to learn from, out of {source}. After each epoch, a quick "
        "check on {validation:,} it never learns from (val); at the end, a longer practice exam."
    ),
    "train_screen.press_to_start": "Press 1, 2 or Space to start a run.",
    "train_screen.drawing": "Drawing...",
    "train_screen.loading": "Loading data...",
    "train_screen.failed": "Training failed",
    "train_screen.epoch": "Epoch {epoch} of {epochs}",
    "train_screen.drawn_so_far": "{done:,} of {total:,} practice digits, drawn like yours",
    "train_screen.speed": "{speed:,.0f} samples/s",
    "train_screen.eta": "    ETA {eta}",
    "train_screen.failed_reason": "training failed",
    "train_screen.stopping": "Stopping after this batch...",
    "train_screen.finished": "Finished: {epochs} epochs in {time}. ",
    "train_screen.stopped": "Stopped: {epochs} epochs in {time}. ",
    "train_screen.report": (
        "Your {digits} digits: {before} read right before, {after} after.    MNIST final "
        "exam: {test_before:.1%} before, {test_after:.1%} after."
    ),
    # --- verdict ---------------------------------------------------------------------------------
    "verdict.nothing": "Stopped before it had learned much: nothing kept.",
    "verdict.measured": "{accuracy} of {digits:,} practice-exam digits",
    "verdict.beside": " (model in use, same digits: {accuracy})",
    "verdict.in_use": "Now in use: it reads {measured}{incumbent}.",
    "verdict.chosen": "You chose to use this run: it reads {measured}{incumbent}.",
    "verdict.replaced": "Another model is in use now: this run read {measured}.",
    "verdict.taught": "MNIST validation: {measured}{incumbent}. Enter twice: use it.",
    "verdict.taught_asking": "Taught: it reads {measured}{incumbent}.",
    "verdict.kept_aside": "Kept aside: it reads {measured}{incumbent}. Enter twice: use it anyway.",
    # --- board_screen ----------------------------------------------------------------------------
    "board_screen.title": "The drawing board",
    "board_screen.panel_board": (
        "draw here with the mouse: a white square brush on black, like MNIST"
    ),
    "board_screen.panel_reads": "the digit the network picked, and its chance for every digit",
    "board_screen.panel_network": "your digit flowing through each layer, left to right",
    "board_screen.key_predict": "read the digit",
    "board_screen.key_clear": "clear the board",
    "board_screen.key_undo": "take back the last stroke (the right mouse button rubs out)",
    "board_screen.key_method": "switch how the drawing is shrunk",
    "board_screen.key_train": "train the network",
    "board_screen.key_evaluate": "how well it reads: every test digit",
    "board_screen.key_challenge": "the challenge game: draw the digit asked, fast",
    "board_screen.key_restore": "go back to the shipped model",
    "board_screen.key_live": "live reading while you draw, on or off",
    "board_screen.key_lesson": "the lesson: the network, step by step",
    "board_screen.key_digits": "after a reading: 'this was a 7', kept in your digit book",
    "board_screen.key_teach": "teach the network your digits",
    "board_screen.key_next_model": "next model: the shipped one, then each run kept",
    "board_screen.key_book": "your digit book",
    "board_screen.key_why": "why this digit? (which parts mattered); W again hides it",
    "board_screen.key_close": "close the card of a clicked map, or hide the why overlay",
    "board_screen.key_pause": "pause or go on with the card",
    "board_screen.key_tab": "conv2 card: the next input map",
    "board_screen.no_card_to_close": "Click a feature map to open its card; Esc closes it.",
    "board_screen.no_card_to_pause": "Space pauses a map's card: click a map first.",
    "board_screen.key_exact": "a card's exact numbers, or rounded ones again",
    "board_screen.no_card_for_exact": "X shows a card's exact numbers: click a map first.",
    "board_screen.no_card_to_tab": "Tab shows another input map on a conv2 card: click one.",
    "board_screen.other_model": "Another model is in use now: press P to read again first.",
    "board_screen.heading": "MNIST Arcade",
    "board_screen.changed_first": "You changed the drawing since the last reading.",
    "board_screen.changed_second": "Press P to read it again.",
    "board_screen.empty_first": "Draw a digit on the black board, then press P",
    "board_screen.empty_second": "to watch the network read it, one layer after another.",
    "board_screen.loading": "network: loading TensorFlow...",
    "board_screen.no_model": "network: no model loaded",
    "board_screen.run_kept_aside": "your last run is kept aside: T to see it",
    "board_screen.result_changed": "drawing changed: press P",
    "board_screen.chances": "chance of each digit, in %",
    "board_screen.help_first": (
        "Left mouse: draw    right mouse: erase    Ctrl+Z  undo    P  read it    C  clear    "
        "H  help"
    ),
    "board_screen.help_colours": "Colours: dark = the filter is quiet, yellow = it fires strongly.",
    "board_screen.in_use": "in use: {label}",
    "board_screen.training_status": "{preset}: {status}...",
    "board_screen.training_epoch": "{preset}: epoch {epoch} of {epochs}, T to watch",
    "board_screen.result_press_p": "press P to read it",
    "board_screen.result_reading": "reading...",
    "board_screen.reads_live": "as you draw, it reads...",
    "board_screen.reads": "the network reads",
    "board_screen.sure": "{sure} sure",
    "board_screen.best_guess": "best guess {digit}, {sure}",
    "board_screen.help_confirm": "R again  confirm",
    "board_screen.help_restore": "R  shipped model",
    "board_screen.help_second": (
        "M  switch to {other}    T  training    E  how well it reads    G  game    {restore}"
    ),
    "board_screen.help_third": (
        "0-9  'this was a 7'   K  teach those   D  digit book   W  why?   N  next model   "
        "L  lesson   V  live reading   F2  bigger text"
    ),
    # --- challenge_screen ------------------------------------------------------------------------
    "challenge_screen.title": "Challenge",
    "challenge_screen.panel_prompt": "the digit to draw; the bar is the time left",
    "challenge_screen.panel_guess": (
        "what the network reads right now, how sure it is, and what wins the round"
    ),
    "challenge_screen.panel_summary": (
        "each drawing, what the network read, and MNIST digits to compare"
    ),
    "challenge_screen.key_new_game": "a new game (after the last round)",
    "challenge_screen.finish_first": "Finish the rounds first, or Esc to leave.",
    "challenge_screen.cleared": "Board cleared: draw the digit again, the clock goes on.",
    "challenge_screen.drawing_kept": (
        "The game has its own board: your drawing is kept and back on the board when you leave."
    ),
    "challenge_screen.get_ready": "Get ready...",
    "challenge_screen.finish_stroke": "Time's up: finish your stroke",
    "challenge_screen.draw_now": "Draw on the board: I will tell you what I see.",
    "challenge_screen.play_again": "Space: play again",
    "challenge_screen.nothing_drawn": "Time's up: nothing drawn.",
    "challenge_screen.save_failed": "Could not save the best scores: {reason}.",
    "challenge_screen.score": "score {score}",
    "challenge_screen.best": "best {best}",
    "challenge_screen.no_best": "no best score yet",
    "challenge_screen.streak": "streak {streak}    {best}",
    "challenge_screen.round": "Round {round} of {rounds}",
    "challenge_screen.time_left": "{seconds:.0f} s left",
    "challenge_screen.guess": "I think it's {digit}... ({sure} sure)",
    "challenge_screen.second_guess": "; my second guess: {digit} ({share})",
    "challenge_screen.fooled": "Fooled me! I read {digit}. +{points}",
    "challenge_screen.won": "Yes, {digit}! +{points} points",
    "challenge_screen.new_best": "A new best score!",
    "challenge_screen.game_over": "Game over.",
    "challenge_screen.final": "{verdict} {score} points.",
    "challenge_screen.task_fool": "fool me with {digit}",
    "challenge_screen.task_draw": "draw {digit}",
    "challenge_screen.read_nothing": "nothing",
    "challenge_screen.read_as": "{digit} ({sure})",
    "challenge_screen.row": "{task}: read {read}",
    "challenge_screen.points": "+{points} points in {seconds:.1f} s",
    "challenge_screen.mnist_digits": "MNIST's {digit}s:",
    "challenge_screen.times_up": "Time's up: I read {digit} ({sure})",
    "challenge_screen.missed_other": "{read}.",
    "challenge_screen.missed_unsure": "{read}, not sure enough.",
    "challenge_screen.missed_second": "{read}, but my second guess was {second}, not {asked}.",
    "challenge_screen.missed_too_little": "{read}, but I saw too little of {digit} in it.",
    # --- challenge -------------------------------------------------------------------------------
    "challenge.prompt_fool": "Fool me: draw a real {digit} that I read as another digit!",
    "challenge.prompt_draw": "Draw {digit}!",
    "challenge.rule_fool": (
        "To win: I must be {confident} sure it is another digit, with {digit} as my "
        "second guess ({seen} or more)."
    ),
    "challenge.rule_draw": "I need to be {confident} sure it is {digit}.",
    "challenge.points_rule": (
        "Points: how sure I am (up to 100), plus 10 for every second left; a streak adds more."
    ),
    "challenge.points_none": "No points this round.",
    "challenge.points_sum": "{sure} for being {percent}% sure + {left} for the seconds left",
    "challenge.points_streak": ", then +{more}% for {streak} won in a row",
    # --- evaluation_screen -----------------------------------------------------------------------
    "evaluation_screen.title": "How well does it read?",
    "evaluation_screen.panel_table": (
        "a row for each true digit, a column for what the network read; the diagonal is "
        "what it got right"
    ),
    "evaluation_screen.panel_per_digit": "the share of each digit read right",
    "evaluation_screen.panel_digits": "click a square of the table to see those very digits",
    "evaluation_screen.key_yours": "your digit book or the test digits",
    "evaluation_screen.source_book": "your digit book",
    "evaluation_screen.book_empty": (
        "Your digit book is empty: on the board, after a reading, press the digit it should be."
    ),
    "evaluation_screen.reading": "Reading the test digits...",
    "evaluation_screen.click_hint": "Click a square to see those digits.",
    "evaluation_screen.read_as_axis": "read as",
    "evaluation_screen.true_axis": "true digit",
    "evaluation_screen.right_column": "right",
    "evaluation_screen.no_digits": "no digits",
    "evaluation_screen.pick_square": "Click a square of the table.",
    "evaluation_screen.no_test_digits": "No test digits: {error}",
    "evaluation_screen.kind_yours": "of your digits",
    "evaluation_screen.kind_test": "test digits",
    "evaluation_screen.summary": (
        "{right:,} of {total:,} {kind} read right ({share:.1%}), from {source}"
    ),
    "evaluation_screen.cell_right": "read right",
    "evaluation_screen.cell_read_as": "read as {digit}",
    "evaluation_screen.cell": "{digits} {verdict}",
    "evaluation_screen.first_shown": "(the first {count})",
    "evaluation_screen.tile_true": "true {digit}",
    # --- numbers ---------------------------------------------------------------------------------
    "numbers.tiny": "less than 0.001",
    "numbers.almost_zero": "almost 0",
    "numbers.tiny_percent": "less than 0.1%",
    "numbers.almost_all_percent": "more than 99.9%",
    "numbers.huge": "a huge number",
    "numbers.huge_negative": "a huge negative number",
    "numbers.not_a_number": "?",
    # How many of one digit (numbers.digits_counted): small counts in words, "two 1s", not "2 1s".
    "numbers.small_counts": "zero|one|two|three|four|five|six|seven|eight|nine|ten",
    "numbers.no_digits": "no {digit}s",
    "numbers.one_digit": "one {digit}",
    "numbers.few_digits": "{count} {digit}s",
    "numbers.many_digits": "{count} of the {digit}s",  # "194 of the 1s", not "194 1s"
    # --- card (the pieces every detail card shares) ----------------------------------------------
    "card.map": "{layer} map {number}",
    "card.adds": "adds {value}",
    "card.takes_away": "takes away {value}",
    "card.adds_nothing": "adds nothing",
    "card.close_hint": "Esc: close  Space: pause  X: {figures}",
    "card.x_shows_exact": "exact",
    "card.x_shows_rounded": "rounded",
    "card.tab_hint": "Tab: {source} map {number}  ",
    "card.conv_title": "How {layer} filter {number} computes one pixel",
    "card.pool_title": "How {layer} map {number} shrinks its input",
    "card.dense_title": "How ten scores become chances: why a {digit}?",
    # --- conv_card -------------------------------------------------------------------------------
    "conv_card.sentence_reads_input": (
        "The filter's 25 weights slide over the input. At each stop, every pixel under "
        "the window is multiplied by its weight, the 25 products are added up, the bias "
        "is added, and relu keeps the result only if it is positive. Orange weights like "
        "ink in their square, blue ones dislike it."
    ),
    "conv_card.sentence_reads_maps": (
        "{layer} filters read all {count} {source} maps at once, with a 5x5 slice of "
        "weights for each. {name}. {spot}. The products of all {count} maps are added up, "
        "then the bias, and relu keeps the result only if it is positive."
    ),
    "conv_card.shown": "Shown: {source} map {number}",
    "conv_card.shown_strongest": ", which does most to make this filter fire over the whole digit",
    "conv_card.spot_none": "At this spot no map helps the filter fire; this one {amount}",
    "conv_card.spot_most": "At this spot it does the most of the {count} maps: it {amount}",
    "conv_card.spot_other": (
        "At this spot it {amount}, while map {best} does the most: it {best_amount}"
    ),
    "conv_card.the_input": "the input",
    "conv_card.window": "the 5x5 window",
    "conv_card.filter_weights": "filter {number}'s weights",
    "conv_card.map_weights": "weights for map {number}",
    "conv_card.products": "window x weights",
    "conv_card.add_up": "add up the 25 products:  {total}",
    "conv_card.add_up_map": (
        "map {number}'s 25 products add up to {part}; the other {others} maps add {rest}"
    ),
    "conv_card.plus_bias": "{total} + bias {bias} = {result}",
    "conv_card.relu": "relu (a negative sum becomes 0):  {output}",
    "conv_card.own_value": "the network's own value at row {row}, column {col}: {value}",
    "conv_card.from_each": "from each {source} map:",
    "conv_card.part": "{number}: {part}",
    # --- pool_card -------------------------------------------------------------------------------
    "pool_card.sentence": (
        "Pooling keeps the biggest of each 2x2 square of {source} map {number}: the map gets "
        "half as wide and half as tall, but still says where its pattern was found, and a "
        "small shift of the drawing changes less."
    ),
    "pool_card.window": "the 2x2 window",
    "pool_card.keep_biggest": "keep the biggest",
    "pool_card.biggest": "row {row}, column {col}: the biggest of {four} is {biggest}",
    "pool_card.own_value": "the network's own value there: {value}",
    # --- dense_card ------------------------------------------------------------------------------
    "dense_card.sentence": (
        "Each score is pool2's 256 numbers times their weights, plus a bias. e to the power "
        "of a score makes it positive, and a bigger score much bigger; dividing each by "
        "the sum of all ten turns them into chances that add up to 100%."
    ),
    "dense_card.digit": "digit",
    "dense_card.score": "score",
    "dense_card.exponential": "e^score",
    "dense_card.chance": "chance",
    "dense_card.sum": "sum of the ten: {total}",
    "dense_card.division": "chance of {digit} = {exponential} / {total} = {chance}",
    "dense_card.shift": "(each score less {shift} first; the chances are the same)",
    "dense_card.pushed_up": "pool2 maps that pushed {digit} up most",
    "dense_card.pushed_against": "... and pushed against {digit} most",
    "dense_card.map_part": "map {number}: {part}",
    "dense_card.score_sum": (
        "score of {digit} = {maps} maps' parts ({parts}) + bias {bias} = {score}"
    ),
    # --- detector (the hover popup: what a conv map looks for) -----------------------------------
    "detector.looks_for": "this detector looks for:",
    "detector.horizontal": "horizontal strokes and edges",
    "detector.vertical": "upright strokes and edges",
    "detector.up_right": "strokes that go up to the right",
    "detector.down_right": "strokes that go down to the right",
    "detector.mix": "a mix of shapes",
    "detector.patches": "fires most on:",
    "detector.filter": "its filter:",
    # --- network (the network view and its hover popup) ------------------------------------------
    "network.net_sees_title": "what the net sees",
    "network.click_why": "click: why this digit?",
    "network.map_title": "{layer}, map {number}",
    "network.click_how": "click: how it is computed",
    "network.values": "values {low} to {high}",
    # --- key labels (the keys' own names, as the help and the footers write them) ---------------
    "keys.footer_key": "{key}  {what}",
    "keys.footer_help": "H  help",
    "keys.footer_gap": "   |   ",
    "keys.esc": "Esc",
    "keys.esc_or": "Esc / {key}",
    "keys.esc_t_or_b": "Esc / T / B",
    "keys.or_window_fullscreen": "{key} / F11",
    "keys.space": "Space",
    "keys.tab": "Tab",
    "keys.enter": "Enter",
    "keys.delete": "Delete",
    "keys.digits": "0-9",
    "keys.help": "H / F1 / ?",
    "keys.this_help": "this help",
    "keys.ctrl_z": "Ctrl+Z",
    "keys.right_or_space": "Right / Space",
    "keys.left": "Left",
    "keys.up_or_down": "Up / Down",
    "lesson.name_text": "the words at the top",
    "lesson.name_live": "the panel on the right",
    # --- panel names (what each screen's help calls its panels) ----------------------------------
    "board_screen.name_board": "the board",
    "board_screen.name_reads": "the network reads",
    "board_screen.name_network": "the network panel",
    "book_screen.name_squares": "each square",
    "challenge_screen.name_prompt": "the prompt",
    "challenge_screen.name_guess": "the guess",
    "challenge_screen.name_summary": "the summary",
    "evaluation_screen.name_table": "the table",
    "evaluation_screen.name_per_digit": "per digit",
    "evaluation_screen.name_digits": "the digits",
    "train_screen.name_accuracy": "accuracy",
    "train_screen.name_val_accuracy": "val_accuracy",
    "train_screen.name_loss": "loss",
    "train_screen.name_maps": "the maps",
    # --- help (the help overlay) -----------------------------------------------------------------
    "help.title": "Help: {title}",
    "help.closes": "{keys} or Esc closes this",
    "help.keys": "Keys",
    "help.panels": "What you see",
    "help.words": "Words",
    "help.more_words": "{count} more words did not fit on this card",
    "help.more_words_large": "{count} more words did not fit: larger text off (F2) shows them",
    "help.more_words_bigger_window": "{count} more words did not fit: a bigger window shows them",
    "help.more_words_bigger_window_chosen": (
        "{count} more words did not fit: a bigger window, then F2, shows them"
    ),
    # --- glossary (the help overlay's words) -----------------------------------------------------
    "glossary.name_convolution": "convolution",
    "glossary.convolution": (
        "a small 5x5 pattern slid over the image; where the image matches it, the map lights up"
    ),
    "glossary.name_feature_map": "feature map",
    "glossary.feature_map": "one detector's answers, one number for every place in the image",
    "glossary.name_pooling": "pooling",
    "glossary.pooling": "keep the strongest number of each 2x2 square, so maps get smaller",
    "glossary.name_softmax": "softmax",
    "glossary.softmax": "turns ten scores into chances that add up to 100%",
    "glossary.name_epoch": "epoch",
    "glossary.epoch": "one pass over all the training digits",
    "glossary.name_validation": "validation digits",
    "glossary.validation": (
        "digits it never learns from: its practice exam (the test digits, kept apart to the "
        "end, are its final exam)"
    ),
    "glossary.name_accuracy": "accuracy",
    "glossary.accuracy": "the share of digits read right",
    "glossary.name_loss": "loss",
    "glossary.loss": "how wrong the network is on average (cross-entropy); lower is better",
    "glossary.name_batch": "batch",
    "glossary.batch": "how many digits it looks at before each small correction of its weights",
    "glossary.name_samples": "samples/s",
    "glossary.samples": "digits the network learns from per second",
    "glossary.name_augmentation": "augmentation",
    "glossary.augmentation": (
        "training digits moved, turned and made thicker or thinner, so the network learns to "
        "read more ways of writing"
    ),
    "glossary.name_exact": "rounded numbers",
    "glossary.exact": (
        "a card shows numbers rounded so they are easy to read; X on a card shows the exact ones"
    ),
    # --- layer (the network view's columns) ------------------------------------------------------
    "layer.input": "your drawing, small and upright",
    "layer.input_plain": "the whole board, shrunk to 28x28",
    "layer.conv1": "8 stroke detectors: each lights up where its pattern appears",
    "layer.pool1": "shrink: keep the strongest of each 2x2 square",
    "layer.conv2": "16 detectors that combine strokes into parts of digits",
    "layer.pool2": "shrink again: the strongest of each 2x2 square",
    "layer.dense": "ten scores turned into chances that add up to 100%",
    "layer.chances": "{count} chances",
    "layer.pixels": "{height}x{width} pixels",
    "layer.maps": "{count} maps of {height}x{width}",
    "layer.one_map": "{count} map of {height}x{width}",
    "network.net_sees_lines": "what the|net sees",
    # --- model_client (the model in use, as the game names it) -----------------------------------
    "model.shipped": "shipped model",
    "model.the": "the {name}",
    "model.named_as_is": "your |the ",
    "model.state_loading": "loading...",
    "model.state_ready": "ready",
    "model.state_failed": "no model",
    "model.label": "{name}, final exam {accuracy:.1%} of {measured_on}",
    "engine.no_tensorflow": "TensorFlow could not start: {error}",
    "digit.with_a": "a {digit}",
    "digit.with_an": "an {digit}",
    "reading.not_a_digit": "That does not look like a digit to me.",
    "best_scores.unreadable": "the best-scores file could not be read ({error}); it was {where}",
    # --- training_session (its status, as the board's corner says it) ----------------------------
    "training_status.idle": "idle",
    "training_status.loading_data": "loading data",
    "training_status.training": "training",
    "training_status.stopping": "stopping",
    "training_status.finished": "finished",
    "training_status.stopped": "stopped",
    "training_status.failed": "failed",
    # --- line_chart ------------------------------------------------------------------------------
    "chart.epoch": "epoch",
    "chart.earlier_runs": "faded: earlier runs",
    "chart.point": "{series}, epoch {epoch}: {value}",
    # --- window ----------------------------------------------------------------------------------
    "window.caption": "MNIST Arcade",
    # ----- kernel lab -----
    "kernel_lab.preset_blur": "blur",
    "kernel_lab.preset_sharpen": "sharpen",
    "kernel_lab.preset_outline": "outline",
    "kernel_lab.preset_emboss": "emboss",
    "kernel_lab.preset_left_edges": "left edges",
    "kernel_lab.preset_right_edges": "right edges",
    "kernel_lab.preset_top_edges": "top edges",
    "kernel_lab.preset_bottom_edges": "bottom edges",
    "kernel_lab.button": "{number} {name}",
    "kernel_lab.input": "picture",
    "kernel_lab.output": "through the kernel",
    "kernel_lab.kernel_preset": "{name} kernel",
    "kernel_lab.kernel_edited": "your kernel",
    "kernel_lab.point_at_output": "Point at a pixel of the result to see its sum.",
    "kernel_lab.products": "each pixel x its weight:",
    "kernel_lab.sum": "adds up to {total}",
    "kernel_lab.shown_as": "the screen shows it as {shown}",
    "kernel_lab.hint": "Click a weight to add 1, right-click to take 1 away, or drag it.",
    "kernel_lab.to_learned": "Tab: the network's own kernels",
    "kernel_lab.to_lab": "Tab: back to the kernel lab",
    "kernel_lab.learned_title": (
        "The network's first layer is 8 kernels like these, but 5x5 and learned from the "
        "digits, not chosen by anyone. Each one is beside its map of your drawing."
    ),
    "kernel_lab.learned_filter": "filter {number}",
    "kernel_lab.no_weights": "The network is still loading...",
    "kernel_lab.no_image": "Draw a digit on the board first.",
    # ----- filter switches -----
    "filter_switches.title": (
        "The network's first {count} filters ({layer}): click one, or press its number, to "
        "switch it off"
    ),
    "filter_switches.title_click": (
        "The network's first {count} filters ({layer}): click one to switch it off"
    ),
    "filter_switches.filter": "{number}",
    "filter_switches.all_on": "every filter on",
    "filter_switches.off": "switched off: {filters}",
    "filter_switches.reading": "it reads your drawing as {digit} ({sure} sure)",
    "filter_switches.no_drawing": "draw a digit to see how it is read",
    "filter_switches.accuracy": (
        "{accuracy:.1%} of {digits} test digits read right (every filter on: {all_on:.1%})"
    ),
    "filter_switches.no_accuracy": "no test digits to measure on",
    "filter_switches.waiting": "asking the network...",
    # ----- lesson -----
    "lesson.title": "The lesson, step by step",
    "lesson.panel_text": "what this step is about, and one thing to do",
    "lesson.panel_live": "the step's live panel, made from your own drawing where it can be",
    "lesson.key_next": "next step",
    "lesson.key_back": "step back",
    "lesson.key_leave": "leave the lesson (it remembers the step)",
    "lesson.key_clear": "clear the board",
    "lesson.key_line": "light the next or the last line of code",
    "lesson.key_train": "the training screen (1 there: the tutorial's run)",
    "lesson.offer": "New here? Press L for a {steps}-step lesson.",
    "lesson.step_of": "step {step} of {steps}",
    "lesson.do": "Do this: {what}",
    "lesson.network_loading": "The network is still loading: then it reads your drawing.",
    "lesson.last_step": (
        "That was the last step. Esc goes back to the board; Left goes back a step."
    ),
    "lesson.first_step": "This is the first step. Right or Space goes on; Esc leaves the lesson.",
    "lesson.footer": "Right or Space  next     Left  back     Esc  leave     H  help",
    "lesson.footer_code": (
        "Right or Space  next     Left  back     Up / Down  light a line     Esc  leave     H  help"
    ),
    "lesson.progress_odd": "The lesson starts again at step 1: {name} ({reason}) was {where}.",
    "lesson.progress_unread": (
        "The lesson starts again at step 1: {name} could not be read ({reason})."
    ),
    "lesson.progress_unsaved": "The lesson could not remember this step: {reason}.",
    "lesson.draw_first": "Draw a digit on the board to fill this panel.",
    "lesson.loading_digits": "Loading the MNIST digits...",
    "lesson.no_digits": "No MNIST digits: {error}",
    "lesson.label": "label {digit}",
    "lesson.numbers_photo": "a 200x200 colour photo: {count:,} numbers",
    "lesson.numbers_digit": "your digit, 28x28 grey: {count:,} numbers",
    "lesson.map_conv": "conv1 map {channel}: {side}x{side}",
    "lesson.map_pool": "pool1: {side}x{side}",
    "lesson.reads": "reads {digit}, {sure} sure",
    "lesson.code_trimmed": "from {file}, trimmed: the weight initializers are left out",
    "lesson.code_layer": "{name}: output {shape}, {weights:,} weights",
    "lesson.code_output": "output",
    "lesson.code_weights": "weights",
    "lesson.code_total": "{weights:,} weights in all",
    "lesson.code_from": "from {file}, in {function}():",
    "lesson.recipe": "the tutorial's run: {recipe}",
    "lesson.stage_crop": "crop to the ink",
    "lesson.stage_fit": "fit in 20x20",
    "lesson.stage_centre": "centre by mass",
    "lesson.stage_upright": "stand upright",
    "lesson.stage_divide": "divide by 255",
    "lesson.stage_plain": "plain resize",
    "lesson.stage_reads": "{digit}, {sure}",
    "lesson.stage_brightest": "brightest pixel {value:g}",
    "lesson.data_title": "1. The data: digits and their labels",
    "lesson.data_text": (
        "MNIST is 70,000 handwritten digits, each 28x28 grey pixels, each with the digit it "
        "shows: its label. Here are 20 of them. The network learns only from examples like "
        "these; nobody tells it what a 7 looks like."
    ),
    "lesson.data_do": "find two digits that look alike but have different labels.",
    "lesson.cnn_title": "2. Why a convolutional network?",
    "lesson.cnn_text": (
        "A 200x200 colour photo is {photo:,} numbers, and even your small digit is {digit:,}. "
        "Giving every number its own weights would take far too many, and a stroke would be "
        "learned again at every place. A convolutional network slides small detectors over the "
        "picture, as our eyes find edges and corners first, and builds shapes from them."
    ),
    "lesson.cnn_do": "draw a digit on the board and see the numbers the network gets.",
    "lesson.conv_title": "3. Convolution: kernels slid over the picture",
    "lesson.conv_text": (
        "A kernel is a small grid of weights. At each place it multiplies the pixels under it "
        "by its weights and adds them up, so one kernel blurs, another finds edges. A conv "
        "layer's weights are its kernels: the network learns them."
    ),
    "lesson.conv_do": (
        "press {key} for the outline kernel, then click a filter below to switch it off."
    ),
    "lesson.pool_title": "4. Pooling: the strongest of each 2x2",
    "lesson.pool_text": (
        "A pooling layer keeps the strongest number of each 2x2 square of a map. The map gets "
        "four times smaller, so the next layer sees a wider part of the digit for less work. "
        "Pooling has no weights: it learns nothing."
    ),
    "lesson.pool_do": "draw a digit and compare each conv1 map with its pooled map.",
    "lesson.dense_title": "5. The dense layer: the classifier",
    "lesson.dense_text": (
        "After the second conv and pool layers your digit is {inputs:,} numbers. The dense "
        "layer scores each of the ten digits: every number times a weight, added up, plus a "
        "bias; {weights:,} weights in all. Softmax turns the ten scores into chances that add "
        "up to 100%."
    ),
    "lesson.dense_do": "draw a 4, then turn it into a 9 and watch the chances move.",
    "lesson.code_title": "6. The model's code",
    "lesson.code_text": (
        "This is the code the game runs to build its network, read from its own file. Each line "
        "is one layer; beside it, the shape of what it gives out and how many weights it "
        "learns."
    ),
    "lesson.code_do": "press Up and Down to light each layer; which has the most weights?",
    "lesson.train_title": "7. Training",
    "lesson.train_text": (
        "The tutorial's run learns from 1,000 digits, keeps 200 to check itself, looks at 500 "
        "at a time and goes through them 50 times (epochs), drawing the loss and accuracy "
        "after each. It reached about 70% in the tutorial and 90-94% here: one difference "
        "is that here every digit is stood upright before the network reads it."
    ),
    "lesson.train_do": "press T for the training screen, then 1 for the tutorial's run.",
    "lesson.input_title": "8. From the board to 28x28",
    "lesson.input_text": (
        "Your drawing is 300x300 pixels; the network reads 28x28. The game does what the makers "
        "of MNIST did, stage by stage, with the reading after each. The tutorial just shrank "
        "the whole board: its plain resize is in the last row."
    ),
    "lesson.input_do": "draw a small digit in a corner and compare the last two readings.",
    "lesson.predict_title": "9. Predicting your drawing",
    "lesson.predict_text": (
        "Now the whole path: your drawing becomes 28x28, passes conv1, pool1, conv2, pool2 and "
        "dense, and softmax gives ten chances. On the board, P shows it layer by layer and W "
        "shows which parts of your drawing mattered."
    ),
    "lesson.predict_do": "draw a digit the network reads wrong, then say why it might.",
    # --- language (the switch key, and the remembered choice) ------------------------------------
    "language.own_name": "English",  # the language's name in itself, as the other one shows it
    "language.switched": "Now in English: Y switches to {other}.",
    "language.choice_odd": "Your language choice was forgotten: {name} ({reason}) was {where}.",
    "board_screen.key_language": "the other language: {language}",
    "language.choice_unkept": "Your language choice could not be kept: {reason}.",
    "model.name_trained": "your trained model",
    "model.name_given": "model from --model",
    "model.measured_on": "{count} MNIST test digits",
    # --- file (what happened to a player's file; said by player_files, worded here) ---------
    "file.set_aside": "set aside as {name}",
    "file.left_in_place": "left where it is",
    "file.not_a_folder": "{path} is a file, not a folder",
    "file.disk_full": "the disk is full",
    "file.read_only": "{folder} is on a read-only disk",
    "file.no_permission": "you may not write in {folder}",
    "file.quota_full": "your disk quota is full",
}
