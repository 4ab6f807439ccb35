"""The Simplified Chinese table: the same keys and placeholders as the English one, no English
left but names, keys and code, Chinese punctuation in Chinese sentences, the tutorial's terms
wherever the English names them, and words that still read right through the code that fills
them (English grammar helpers: "the", "a" / "an", lines split at "|")."""

import re
import string

import pytest

from mnist_arcade.game.words import english, phrase, with_article, with_the
from mnist_arcade.game.words.chinese import CHINESE
from mnist_arcade.game.words.english import ENGLISH
from mnist_arcade.game.words.numbers import readable

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
HAN = r"[\u4e00-\u9fff]"
ALLOWED_LATIN = re.compile(  # names, key caps and code a Chinese sentence keeps as they are
    r"MNIST Arcade|MNIST|Keras|TensorFlow|CNN"
    r"|\b(Esc|Enter|Tab|Delete|Ctrl\+Z|F\d+|[A-Z])\b"
    r"|\b(conv[12]|pool[12]|dense|relu|softmax|val_accuracy|val|seed|full|epoch)\b"
    r"|--data|--model|\be\^|\be\b|\d+x\d+"
)
TERMS = [  # the English words (placeholders left out) -> the Chinese term every value uses
    (r"\bepochs?\b", "轮"),
    (r"\baccuracy\b", "准确度"),
    (r"\bloss\b", "损失"),
    (r"\bcross-entropy\b", "交叉熵"),
    (r"\bbatch(es)?\b", "批次"),
    (r"\b(kernels?|filters?)\b", "卷积核"),
    (r"\bconv( and pool)? layers?\b|\bconv layer's\b", "卷积层"),
    (r"\bpool layers\b|\bpooling layer\b", "池化层"),
    (r"\bpool(ing|ed)\b", "池化"),
    (r"\bdense layer\b", "全连接层"),
    (r"\bconvolutional network\b", "卷积神经网络"),
    (r"\bconvolution\b", "卷积"),
    (r"\b(feature )?maps?\b", "特征图"),
    (r"\bvalidation\b", "验证集"),
    (r"\btest digits?\b|\bmnist test\b", "测试集"),
    (r"\btraining digits?\b", "训练集"),
    (r"\bpractice[- ]exam\b", "模拟考"),
    (r"\bfinal exam\b", "期末考"),
    (r"\bpredict(ing)?\b", "预测"),
    (r"\bclear(ed)?\b", "清除"),
    (r"\bblur", "模糊"),
    (r"\bsharpen\b", "锐化"),
    (r"\boutline\b", "轮廓"),
    (r"\bemboss\b", "浮雕"),
    (r"\bweights?\b", "权重"),
    (r"\bbias\b", "偏置"),
    (r"\bpixels?\b", "像素"),
    (r"\blabels?\b", "标签"),
    (r"\bdetectors?\b", "检测器"),
    (r"\bchances?\b", "概率"),
    (r"\baugment", "数据增强"),
    (r"\bdigit book\b", "数字本"),
    (r"\bshipped\b", "自带"),
    (r"\bkept[- ]aside\b", "备用"),
    (r"\blive reading\b", "实时识别"),
    (r"\blesson\b", "课程"),
    (r"\brounds?\b", "回合"),
    (r"\bundo\b|\btake back\b|\btook back\b|\btakes back\b", "撤销"),
]


def fields(template: str) -> set[tuple[str, str, str | None]]:
    return {
        (name, spec, conversion)
        for _, name, spec, conversion in string.Formatter().parse(template)
        if name is not None
    }


def test_the_chinese_table_has_exactly_the_english_keys():
    assert sorted(set(ENGLISH) - set(CHINESE)) == []
    assert sorted(set(CHINESE) - set(ENGLISH)) == []


def test_every_chinese_template_keeps_the_english_placeholders_and_their_formats():
    differ = {key: (fields(ENGLISH[key]), fields(CHINESE[key])) for key in ENGLISH}
    assert {key: pair for key, pair in differ.items() if pair[0] != pair[1]} == {}


def test_no_english_is_left_but_names_keys_and_code():
    left = {}
    for key, template in CHINESE.items():
        words = ALLOWED_LATIN.sub("", PLACEHOLDER.sub("0", template))
        if re.search(r"[A-Za-z]", words):
            left[key] = template
    assert left == {}


def test_the_allowance_for_names_and_code_still_catches_english_words():
    words = ALLOWED_LATIN.sub("", "按 P 识别 conv1 的 5x5 MNIST draw")
    assert re.search(r"[A-Za-z]", words)


def test_chinese_sentences_use_chinese_punctuation():
    ascii_after_han = re.compile(HAN + r"[,.;:?!()]")
    ascii_before_han = re.compile(r"[,;:?!()] *" + HAN)
    code_call = re.compile(r"(?<=\})\(\)")  # "在 {function}() 里": code, not a bracket
    wrong = [
        key
        for key, template in CHINESE.items()
        if ascii_after_han.search(code_call.sub("", template))
        or ascii_before_han.search(code_call.sub("", template))
    ]
    assert wrong == []


def test_a_space_parts_chinese_from_numbers_keys_and_code():
    touching = re.compile(HAN + r"[A-Za-z0-9{]|[A-Za-z0-9}]" + HAN)
    word_placeholders = {"name", "where", "reason", "error", "problem", "warning", "note"}
    word_placeholders |= {"method", "other", "source", "kind", "verdict", "status", "scores"}
    word_placeholders |= {"measured", "incumbent", "accuracy", "measured_on", "amount"}
    word_placeholders |= {"best_amount", "read", "task", "label", "title", "what", "place"}
    word_placeholders |= {"preset", "run"}  # a run's name in words (教程训练), not "seed"
    wrong = []
    for key, template in CHINESE.items():
        words = PLACEHOLDER.sub(
            lambda m: "" if m.group()[1:-1].split(":")[0] in word_placeholders else "0",
            template,
        )
        words = re.sub(r"e\^", "", words)  # e^分数: the formula reads as one
        if touching.search(words):
            wrong.append(key)
    assert wrong == []


@pytest.mark.parametrize(("english_words", "term"), TERMS)
def test_the_tutorials_terms_are_used_wherever_the_english_names_them(english_words, term):
    named = re.compile(english_words)
    missing = [
        key
        for key, template in ENGLISH.items()
        if named.search(PLACEHOLDER.sub("", template).lower()) and term not in CHINESE[key]
    ]
    assert missing == []


def test_lun_means_an_epoch_and_nothing_else():
    epoch = re.compile(r"\bepochs?\b")
    other = [
        key
        for key, template in CHINESE.items()
        if re.search("轮(?!廓)", template) and not epoch.search(ENGLISH[key].lower())
    ]
    assert other == []


def test_what_p_does_is_one_verb_shibie_everywhere_but_the_lessons_title():
    """The board said both "P  识别" and "按 P 预测": a reader takes two verbs for two
    actions. 识别 is what the network does with a digit on every screen; 预测 stays only in
    the lesson's step title, the tutorial's word."""
    other = [key for key, template in CHINESE.items() if "预测" in template]
    assert other == ["lesson.predict_title"]


def test_a_digit_to_teach_is_asked_for_as_its_key_in_plain_words():
    """The digit book's words said "再按它本该是的数字", which read stiff: they ask to press
    that digit's key instead."""
    stiff = [key for key, template in CHINESE.items() if "本该" in template]
    assert stiff == []


@pytest.fixture
def chinese(monkeypatch):
    """The catalogue answering in Chinese, as the English table would."""
    for key, template in CHINESE.items():
        monkeypatch.setitem(english.ENGLISH, key, template)


def test_model_names_read_right_through_with_the(chinese):
    shipped = phrase("switch.shipped_name")
    assert with_the(shipped) == shipped
    run = phrase("run.preset", preset=phrase("run_kind.seed"))
    assert with_the(run) == run
    assert phrase("switch.failed", name=with_the(shipped), reason="x").startswith("仍在使用自带")


def test_a_digit_needs_no_article_in_chinese(chinese):
    assert [with_article(digit) for digit in (7, 8)] == ["7", "8"]
    rule = phrase("challenge.rule_draw", confident="90%", digit=with_article(8))
    assert rule == "我需要有 90% 的把握认为它是 8。"


def test_lines_the_code_splits_at_a_bar_keep_their_parts():
    for key in ("network.net_sees_lines", "model.named_as_is"):
        parts = CHINESE[key].split("|")
        assert len(parts) == len(ENGLISH[key].split("|")), key
        assert all(parts), key


def test_numbers_too_small_to_show_read_in_chinese(chinese):
    assert readable(6.4e-07) == "小于 0.001"
