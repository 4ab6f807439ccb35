"""The Simplified Chinese words of the game, keyed by name: the same keys as :mod:`.english`.

Each value is a ``str.format`` template with the same ``{placeholders}`` and format specs as its
English twin (``tests/game/test_chinese_words.py`` checks it), worded for a 13-year-old reader of
the tutorial the game grew from, with the tutorial's own terms.
"""

# Glossary: one Chinese word for each idea, used everywhere (the tutorial's terms first).
#   conv layer 卷积层 · convolution 卷积 · convolutional network (CNN) 卷积神经网络
#   kernel, filter 卷积核 (the kernel lab 卷积核实验室; a learned filter 学到的卷积核)
#   feature map, map 特征图 · pooling 池化 · pooling layer 池化层 · max pooling 最大池化
#   dense layer 全连接层 · activation 激活函数 (relu and softmax keep their code names)
#   weight 权重 · bias 偏置 · layer 层 · input / output 输入 / 输出 · pixel 像素
#   training set 训练集 · validation set 验证集 · test set 测试集 (test digits 测试集数字)
#   practice exam 模拟考 (on the validation set) · final exam 期末考 (on the test set)
#   accuracy 准确度 · loss 损失 · cross-entropy 交叉熵 · batch 批次 · epoch 轮 (一轮, 第 3 轮)
#   a game round 回合 (never 轮, which is an epoch) · score (a layer's) 分数 · (the game's) 得分
#   read (the network reads a digit; P) 识别, one verb on every screen (predict 预测 only in the
#   lesson's step title, the tutorial's word) · read right / wrong 认对 / 认错
#   read as 认成 · sure 把握 · chance 概率 · clear 清除 · normalise 归一化 · undo 撤销
#   blur 模糊 · sharpen 锐化 · outline 轮廓 · emboss 浮雕 · edges 边缘
#   board 画板 · drawing 画 · digit 数字 · stroke 笔画 · detector 检测器 · label 标签
#   digit book 数字本 · teach 教 · run (of training) 训练 / 训练结果 · preset 方案
#   the tutorial run (seed) 教程训练 · the full run 完整训练
#   kept aside 留作备用 (a kept-aside run 备用的训练结果) · the shipped model 自带的模型
#   live reading 实时识别 · card 卡片 · lesson 课程 · step 步 · challenge 挑战 · help 帮助
#   augmentation 数据增强 · samples/s 样本/秒 · exact / rounded 精确值 / 四舍五入
# Keys keep their key-cap names (P, T, Esc, Enter, Tab, Delete, Ctrl+Z, F2); Space is 空格
# (空格键 in a sentence) and the arrow keys are ← → ↑ ↓. Code names stay as they are:
# conv1, pool1, conv2, pool2, dense, relu, softmax, val. The presets are named in words on screen
# (教程训练, 完整训练: run_kind.*); seed and full are the CLI's --preset names only.
# Chinese punctuation (，。：；？！（）“” ……) in Chinese sentences; ASCII for numbers, keys and
# code. A half-width space sits between Chinese and a number, key or code name, none beside a
# placeholder that holds words (a model's name, a reason), nor beside full-width punctuation.

from __future__ import annotations

CHINESE: dict[str, str] = {
    # --- notice ----------------------------------------------------------------------------------
    "notice.loading": "正在加载网络……你已经可以画了。",
    "notice.key_does_nothing": "这个键在这里没有作用：按 H 查看所有按键。",
    "notice.larger_text_on": "大字已打开（再按 F2 恢复正常）。",
    "notice.larger_text_off": "大字已关闭。",
    "notice.larger_text_small_window": "窗口比游戏画面小，所以字变大了，这样还是容易看清。",
    "notice.larger_text_chosen_small_window": (
        "大字已打开：窗口再变大时也保持大字（再按 F2 取消）。"
    ),
    "notice.larger_text_kept_small_window": "窗口小的时候大字会一直开着：先把窗口拉大（或按 F）。",
    "notice.larger_text_elsewhere_on": "课程的字本来就够大；其他画面的大字已打开。",
    "notice.larger_text_elsewhere_off": "其他画面的大字已关闭；课程的字还是这么大。",
    # --- method ----------------------------------------------------------------------------------
    "method.mnist": "MNIST 式居中",
    "method.plain": "教程的直接缩放",
    # --- reading ---------------------------------------------------------------------------------
    "reading.board_empty": "画板是空的：用鼠标画一个数字，然后按 P。",
    "reading.no_model": "没有可以用来识别的模型（{error}）。按 T 训练一个。",
    "reading.watch": "看你的数字从左到右流过网络。",
    "reading.still_loading": "网络还在加载，马上就会识别你的数字。",
    "reading.live_on": "实时识别已打开：你一边画，网络一边识别。",
    "reading.live_off": "实时识别已关闭：按 P 识别你的数字。",
    "reading.cleared": "画板已清除（按 Ctrl+Z 可以恢复）。画一个数字，然后按 P。",
    "reading.undone": "撤销了最后一笔；再按 Ctrl+Z 撤销前一笔。",
    "reading.undone_clear": "清除的画回来了；再按 Ctrl+Z 撤销它的最后一笔。",
    "reading.nothing_to_undo": "没有可以撤销的：画板和开始时一样。",
    "reading.method": "预处理：{method}。",
    # --- source --------------------------------------------------------------------------------
    "source.shipped": "游戏自带的一小批真实 MNIST 数字",
    "source.keras": "完整的 MNIST 手写数字集",
    "source.named": "你指定的 MNIST 数字（--data）",
    # --- run -------------------------------------------------------------------------------------
    "run.taught": "用你的 {digits} 个数字教过的模型",
    "run.preset": "你的{preset}",
    "run_kind.seed": "教程训练",
    "run_kind.full": "完整训练",
    "run_kind.finetune": "教过数字本的训练",
    "run_kind.saved": "保存的模型",
    "run_kind.aside": "备用的训练结果",
    "run.library_name": "你 {month} 月 {day} 日 {clock} 的{run}",
    "run.library_number": "（第 {number} 个）",
    "run.months": "1|2|3|4|5|6|7|8|9|10|11|12",
    # --- switch ----------------------------------------------------------------------------------
    "switch.kept_aside_question": "使用备用的训练结果（{name}）？再按一次 Enter 切换。",
    "switch.kept_aside_going": "正在启用你选的训练结果……",
    "switch.stop_training_first": "先停止训练（T），再切换模型。",
    "switch.still_loading": "网络还在加载，请稍后再试。",
    "switch.nothing_kept": "还没有留下的训练结果：训练一个（T），它就会加入你的模型。",
    "switch.shipped_name": "自带的模型",
    "switch.place": "留下的第 {index} / {total} 个，最好的在前",
    "switch.place_shipped": "游戏自带的那个",
    "switch.place_with_accuracy": "模拟考 {accuracy:.1%}；{place}",
    "switch.next_question": "使用{name}（{place}）？再按一次 N 切换。",
    "switch.switching": "正在切换到{name}（{place}）……",
    "switch.stop_training_before_restore": "先停止训练（T），再恢复自带的模型。",
    "switch.restore_question": (
        "回到自带的模型？再按一次 R 确认（你自己的模型会留作备用，不会删除）。"
    ),
    "switch.restoring": "正在恢复自带的模型……",
    "switch.no_model": "没有模型",
    "switch.failed": "仍在使用{name}：无法切换（{reason}）。",
    "switch.failed_set_aside": (
        "仍在使用{name}：无法切换（{reason}）。那个模型文件{where}；按 N 换下一个。"
    ),
    # --- model -----------------------------------------------------------------------------------
    "model.accuracy": "（期末考：{measured_on}中答对 {accuracy:.1%}）",
    "model.warning": "{warning}。现在使用{name}{accuracy}。",
    "model.warning_whole": "{warning}。",
    "model.saved_kept_aside": "你保存的模型读不了，已改名为 {name} 留作备用；现在用的是自带的模型",
    "model.saved_left_unread": (
        "这个版本的游戏读不了你保存的模型，它原样留着（{name}）；现在用的是自带的模型"
    ),
    "model.ready": "网络准备好了：{name}{accuracy}。画完按 P。",  # two lines under the board
    "model.now_using": "现在使用{name}{accuracy}。{note}",
    # --- book ------------------------------------------------------------------------------------
    "book.save_failed": "无法保存你的数字本：{reason}。",
    "book.how_to_teach": "数字键用来教网络：先画，让它识别（P），再按下它应该是的那个数字键。",
    "book.read_right": "它认对了",
    "book.read_other": "它认成了 {digit}",
    "book.saved": "已存为 {digit}（{verdict}）。数字本里有 {count} 个：按 K 教给网络。",
    "book.saved_instead": "已改存为 {digit}（{verdict}）。数字本里有 {count} 个：按 K 教给网络。",
    # --- teach -----------------------------------------------------------------------------------
    "teach.too_few": (
        "先至少教 {needed} 个数字（现在有 {count} 个）：识别之后，按下它应该是的那个数字键。"
    ),
    "teach.still_loading": "网络还在加载，请稍后再试。",
    "teach.run_going": "还有一次训练在进行：先停止它（T，然后 Esc）。",
    "teach.teaching": "正在把你的 {count} 个数字教给网络……",
    "teach.use_title": "使用教过的模型吗？",
    "teach.use_digits": "你的数字认对了：之前 {before}/{digits} 个，之后 {after}/{digits} 个",
    "teach.use_exam": "MNIST 模拟考：之前 {before}，之后 {after}",
    "teach.use_keys": "Enter：是，使用它        Esc：保留原来的模型",
    "teach.kept_old": "继续使用原来的模型。教过的模型也保留着：按 N 可以换回它。",
    # --- training --------------------------------------------------------------------------------
    "training.started": "开始{preset}；现在用的模型不变。",
    "training.failed": "训练失败：{error}",
    "training.not_saved": "{problem}。",  # the trainer's plain sentence: the file it used
    "training.nothing_to_keep": "还没学到多少就停了：什么也没留下。",
    "training.adopted": "训练{status}，{scores}。现在正在使用它。",
    "training.taught": (
        "教好了：你的 {digits} 个数字，之前认对 {before} 个，现在认对 {after} 个。"
        "训练界面（T）会问你要不要使用它。"
    ),
    "training.kept_aside": "训练结果留作备用，{scores}。在训练界面按两次 Enter 就能用它。",
    "training.scores": "模拟考：{digits:,} 个没见过的数字，答对 {accuracy:.1%}",
    "training.scores_beside": (
        "模拟考：{digits:,} 个没见过的数字，答对 {accuracy:.1%}"
        "（现在用的模型，在同样这些数字上：{in_use:.1%}）"
    ),
    # --- why -------------------------------------------------------------------------------------
    "why.read_first": "先识别一个数字（P），再问为什么（W）。",
    "why.covering": "正在挡住你的数字的各个部分，看看哪些重要……",
    "why.answer": (
        "我们一次挡住一个方块：绿色表示挡住它会让 {digit} 的概率变小，粉色表示会让 {runner_up} "
        "的概率变小。"
    ),
    "why.answer_alone": (
        "我们一次挡住一个方块：绿色表示挡住它会让 {digit} 的概率变小，粉色表示会让它变大。"
    ),
    "why.how_made": (
        "为什么是 {digit}？挡住绿色方块，{digit} 的概率变小；挡住粉色方块，{runner_up} 的概率变小"
    ),
    "why.how_made_alone": (
        "为什么是 {digit}？挡住绿色方块，{digit} 的概率变小；挡住粉色方块，它的概率变大"
    ),
    # --- engine ----------------------------------------------------------------------------------
    "engine.could_not": "网络做不到：{problem}",
    "engine.no_model": "无法加载任何模型：{error}。按 T 训练一个。",
    # --- book_screen -----------------------------------------------------------------------------
    "book_screen.title": "你的数字本",
    "book_screen.panel_squares": (
        "你的一张画在网络眼中的样子、你说它是几，以及现在用的网络把它认成几；点一下就能选中它"
    ),
    "book_screen.key_delete": "删除你点选的数字",
    "book_screen.key_clear": "清除整本数字本（会先问你）",
    "book_screen.key_teach": "把这些数字教给网络",
    # --- keys ------------------------------------------------------------------------------------
    "keys.back_to_board": "回到画板",
    "keys.fullscreen": "全屏开 / 关",
    "keys.larger_text": "大字开 / 关（用于投影仪）",
    # --- book_screen -----------------------------------------------------------------------------
    "book_screen.pick_first": "先点选一个数字，再按 Delete 删除它。",
    "book_screen.removed": "删除了一个 {digit}；还剩 {count} 个数字。",
    "book_screen.removed_one": "删除了一个 {digit}；还剩 {count} 个数字。",
    "book_screen.clear_question": "清除全部 {count} 个数字？再按一次 X 确认。",
    "book_screen.clear_question_one": "清除这 {count} 个数字？再按一次 X 确认。",
    "book_screen.emptied": "你的数字本现在空了。",
    "book_screen.count_of_digit": "{digit}: {count}",
    "book_screen.summary": "{count} 个数字    {counts}",
    "book_screen.summary_one": "{count} 个数字    {counts}",
    "book_screen.delete_picked": "按 Delete 删除黄框里的数字。",
    "book_screen.how_to_pick": "点一个数字来选中它；然后按 Delete 删除。",
    "book_screen.empty": (
        "还是空的。在画板上：先画，让网络识别，再按下它应该是的那个数字键（0-9）。"
    ),
    "book_screen.label_is": "是 {digit}",
    "book_screen.label_read": "认成 {digit}",
    # --- train_screen ----------------------------------------------------------------------------
    "train_screen.preset_seed": "1  教程训练：和教程一样（1,000 个数字，批次 500，50 轮）",
    "train_screen.preset_full": (
        "2  完整训练：所有训练集数字 + 像你这样画的数字，做了数据增强（约 99%）"
    ),
    "train_screen.epoch_words": (
        "一轮（epoch）就是把所有训练集数字过一遍，分成一个个批次（每个批次把权重稍微修正一次）；"
        "样本/秒：每秒学习的数字个数。"
    ),
    "train_screen.title": "训练网络",
    "train_screen.panel_accuracy": "每轮之后它认对多少数字（一轮就是把数据过一遍）",
    "train_screen.panel_val_accuracy": "在它从不学习的数字上的同一个比例：每轮之后的快速检查",
    "train_screen.panel_loss": "它平均错得有多厉害；越低越好",
    "train_screen.panel_maps": "网络现在这个样子怎样识别你的数字",
    "train_screen.accuracy_chart": "每轮的准确度",
    "train_screen.accuracy_axis": "准确度",
    "train_screen.accuracy_subtitle": (
        "认对的比例：训练集数字，以及 val：它从不学习的数字（验证集）"
    ),
    "train_screen.accuracy_subtitle_counts": (
        "认对的比例：{train:,} 个训练集数字，以及 val：{validation:,} 个从不学习的数字"
    ),
    "train_screen.loss_chart": "每轮的损失",
    "train_screen.loss_axis": "交叉熵损失",
    "train_screen.loss_subtitle": "平均错得有多厉害（交叉熵）：越低越好",
    "train_screen.key_stop": "停止训练，回到画板",
    "train_screen.key_back": "回到画板，训练继续",
    "train_screen.key_seed": "教程训练（和教程一样）",
    "train_screen.key_full": "完整训练",
    "train_screen.key_again": "开始训练（再用上次的方案）",
    "train_screen.key_use": "使用备用的训练结果（按两次）",
    "train_screen.key_use_taught": "使用教过的模型",
    "train_screen.run_going": "还有一次训练在进行：先按 Esc 停止它。",
    "train_screen.nothing_aside": "没有备用的训练结果可用。按空格键再训练一次。",
    "train_screen.heading": "训练卷积神经网络",
    "train_screen.no_reading": "在画板上（B）画一个数字并按 P：每轮之后，它的特征图会在这里变化。",
    "train_screen.examples": "{count} 个测试集数字：",
    "train_screen.examples_legend": "标签 / 现在认成",
    "train_screen.data_failed": "数据：没有可用的（原因在下面）。按 1 或 2 再试。",
    "train_screen.data_drawing": "数据：找到了 MNIST；第一轮之前，先照着它画出练习数字",
    "train_screen.data_looking": "数据：正在找 MNIST……",
    "train_screen.data_idle": "数据：真实的 MNIST 数字，开始训练时再去找。",
    "train_screen.data_teaching": (
        "正在教你的 {count} 个数字（每个都稍微变几种样子），混入来自{source}的数字，这样它不会忘掉 "
        "MNIST"
    ),
    "train_screen.data": (
        "数据：从{source}中取 {train:,} 个数字来学习。每轮之后，用 {validation:,} "
        "个它从不学习的数字（val）快速检查一次；最后再来一次更长的模拟考。"
    ),
    "train_screen.press_to_start": "按 1、2 或空格键开始训练。",
    "train_screen.drawing": "正在画……",
    "train_screen.loading": "正在加载数据……",
    "train_screen.failed": "训练失败",
    "train_screen.epoch": "第 {epoch} / {epochs} 轮",
    "train_screen.drawn_so_far": "已画 {done:,} / {total:,} 个练习数字，画法像你的",
    "train_screen.speed": "{speed:,.0f} 样本/秒",
    "train_screen.eta": "    还剩 {eta}",
    "train_screen.failed_reason": "训练失败",
    "train_screen.stopping": "这个批次完成后停止……",
    "train_screen.finished": "完成：{epochs} 轮，用时 {time}。",
    "train_screen.stopped": "已停止：{epochs} 轮，用时 {time}。",
    "train_screen.report": (
        "你的 {digits} 个数字：之前认对 {before} 个，现在 {after} 个。    MNIST 期末考：之前 "
        "{test_before:.1%}，现在 {test_after:.1%}。"
    ),
    # --- verdict ---------------------------------------------------------------------------------
    "verdict.nothing": "还没学到多少就停了：什么也没留下。",
    "verdict.measured": "在 {digits:,} 个模拟考数字中认对 {accuracy}",
    "verdict.beside": "（现在用的模型，在同样这些数字上：{accuracy}）",
    "verdict.in_use": "现在正在使用：它{measured}{incumbent}。",
    "verdict.chosen": "你选择了使用这次训练：它{measured}{incumbent}。",
    "verdict.replaced": "现在用的是另一个模型：这次训练{measured}。",
    "verdict.taught": "MNIST 验证集：它{measured}{incumbent}。按两次 Enter：使用它。",
    "verdict.taught_asking": "教好了：它{measured}{incumbent}。",
    "verdict.kept_aside": "留作备用：它{measured}{incumbent}。按两次 Enter：仍然使用它。",
    # --- board_screen ----------------------------------------------------------------------------
    "board_screen.title": "画板",
    "board_screen.panel_board": "用鼠标在这里画：黑底上的白色方形画笔，和 MNIST 一样",
    "board_screen.panel_reads": "网络选出的数字，以及每个数字的概率",
    "board_screen.panel_network": "你的数字从左到右流过每一层",
    "board_screen.key_predict": "识别数字",
    "board_screen.key_clear": "清除画板",
    "board_screen.key_undo": "撤销最后一笔（按住鼠标右键可以擦）",
    "board_screen.key_method": "切换把画缩小的方法",
    "board_screen.key_train": "训练网络",
    "board_screen.key_evaluate": "它认得多好：所有测试集数字",
    "board_screen.key_challenge": "挑战游戏：快速画出要求的数字",
    "board_screen.key_restore": "回到自带的模型",
    "board_screen.key_live": "实时识别：边画边识别，开 / 关",
    "board_screen.key_lesson": "课程：一步一步看懂网络",
    "board_screen.key_digits": "识别之后：“这是 7”，存进你的数字本",
    "board_screen.key_teach": "把你的数字教给网络",
    "board_screen.key_next_model": "下一个模型：先是自带的，再是每个留下的训练结果",
    "board_screen.key_book": "你的数字本",
    "board_screen.key_why": "为什么是这个数字？（哪些部分重要）；再按 W 隐藏",
    "board_screen.key_close": "关闭点开的特征图卡片，或隐藏“为什么”的方块",
    "board_screen.key_pause": "暂停或继续卡片",
    "board_screen.key_tab": "conv2 卡片：下一张输入特征图",
    "board_screen.no_card_to_close": "点一张特征图打开它的卡片；按 Esc 关闭。",
    "board_screen.no_card_to_pause": "空格键暂停特征图的卡片：先点一张特征图。",
    "board_screen.key_exact": "卡片上的精确值，或换回四舍五入的数",
    "board_screen.no_card_for_exact": "按 X 显示卡片上的精确值：先点一张特征图。",
    "board_screen.no_card_to_tab": "在 conv2 卡片上按 Tab 看另一张输入特征图：先点一张。",
    "board_screen.other_model": "现在用的是另一个模型：先按 P 重新识别。",
    "board_screen.heading": "MNIST Arcade",
    "board_screen.changed_first": "上次识别之后，你改了画。",
    "board_screen.changed_second": "按 P 重新识别。",
    "board_screen.empty_first": "在黑色画板上画一个数字，然后按 P，",
    "board_screen.empty_second": "看网络一层接一层地识别它。",
    "board_screen.loading": "网络：正在加载 TensorFlow……",
    "board_screen.no_model": "网络：没有加载模型",
    "board_screen.run_kept_aside": "你上次的训练结果留作备用：按 T 查看",
    "board_screen.result_changed": "画改了：按 P",
    "board_screen.chances": "每个数字的概率（%）",
    "board_screen.help_first": (
        "鼠标左键：画    鼠标右键：擦    Ctrl+Z  撤销    P  识别    C  清除    H  帮助"
    ),
    "board_screen.help_colours": "颜色：暗 = 卷积核没有反应，黄 = 它反应很强。",
    "board_screen.in_use": "使用中：{label}",
    "board_screen.training_status": "{preset}：{status}……",
    "board_screen.training_epoch": "{preset}：第 {epoch} / {epochs} 轮，按 T 观看",
    "board_screen.result_press_p": "按 P 识别",
    "board_screen.result_reading": "识别中……",
    "board_screen.reads_live": "你一边画，它一边认……",
    "board_screen.reads": "网络认出",
    "board_screen.sure": "把握 {sure}",
    "board_screen.best_guess": "最可能是 {digit}，{sure}",
    "board_screen.help_confirm": "再按 R  确认",
    "board_screen.help_restore": "R  自带的模型",
    "board_screen.help_second": (
        "M  切换到{other}    T  训练    E  认得多好    G  游戏    {restore}"
    ),
    "board_screen.help_third": (
        "0-9  “这是 7”   K  教给网络   D  数字本   W  为什么？   N  下一个模型   L  课程   V  "
        "实时识别   F2  大字"
    ),
    # --- challenge_screen ------------------------------------------------------------------------
    "challenge_screen.title": "挑战",
    "challenge_screen.panel_prompt": "要画的数字；横条是剩下的时间",
    "challenge_screen.panel_guess": "网络现在认出什么、有多少把握，以及怎样才算赢这一回合",
    "challenge_screen.panel_summary": "每张画、网络认成了什么，以及用来对照的 MNIST 数字",
    "challenge_screen.key_new_game": "新的一局（最后一回合之后）",
    "challenge_screen.finish_first": "先完成所有回合，或按 Esc 离开。",
    "challenge_screen.cleared": "画板已清除：再画一次这个数字，时间继续走。",
    "challenge_screen.drawing_kept": "游戏用自己的画板：你的画会留着，离开游戏时回到画板上。",
    "challenge_screen.get_ready": "准备……",
    "challenge_screen.finish_stroke": "时间到：画完这一笔",
    "challenge_screen.draw_now": "在画板上画：我会告诉你我看到了什么。",
    "challenge_screen.play_again": "空格：再玩一次",
    "challenge_screen.nothing_drawn": "时间到：什么也没画。",
    "challenge_screen.save_failed": "无法保存最高分：{reason}。",
    "challenge_screen.score": "得分 {score}",
    "challenge_screen.best": "最高 {best}",
    "challenge_screen.no_best": "还没有最高分",
    "challenge_screen.streak": "连胜 {streak}    {best}",
    "challenge_screen.round": "第 {round} / {rounds} 回合",
    "challenge_screen.time_left": "还剩 {seconds:.0f} 秒",
    "challenge_screen.guess": "我觉得是 {digit}……（把握 {sure}）",
    "challenge_screen.second_guess": "；我的第二个猜测：{digit}（{share}）",
    "challenge_screen.fooled": "骗到我了！我认成了 {digit}。+{points}",
    "challenge_screen.won": "对，是 {digit}！+{points} 分",
    "challenge_screen.new_best": "新的最高分！",
    "challenge_screen.game_over": "游戏结束。",
    "challenge_screen.final": "{verdict}共 {score} 分。",
    "challenge_screen.task_fool": "用 {digit} 骗我",
    "challenge_screen.task_draw": "画 {digit}",
    "challenge_screen.read_nothing": "没认出",
    "challenge_screen.read_as": "{digit}（{sure}）",
    "challenge_screen.row": "{task}，结果：{read}",
    "challenge_screen.points": "+{points} 分，用时 {seconds:.1f} 秒",
    "challenge_screen.mnist_digits": "MNIST 里的 {digit}：",
    "challenge_screen.times_up": "时间到：我认成了 {digit}（{sure}）",
    "challenge_screen.missed_other": "{read}。",
    "challenge_screen.missed_unsure": "{read}，但把握不够。",
    "challenge_screen.missed_second": "{read}，但我的第二个猜测是 {second}，不是 {asked}。",
    "challenge_screen.missed_too_little": "{read}，但我在里面几乎看不出 {digit}。",
    # --- challenge -------------------------------------------------------------------------------
    "challenge.prompt_fool": "骗骗我：画一个真的 {digit}，却让我认成别的数字！",
    "challenge.prompt_draw": "画 {digit}！",
    "challenge.rule_fool": (
        "要赢：我得有 {confident} 的把握认为它是别的数字，而且第二个猜测是 {digit}（{seen} 或更多）"
        "。"
    ),
    "challenge.rule_draw": "我需要有 {confident} 的把握认为它是 {digit}。",
    "challenge.points_rule": (
        "得分：我有多少把握（最多 100 分），再加上每剩 1 秒 10 分；连胜还会加更多。"
    ),
    "challenge.points_none": "这一回合没有得分。",
    "challenge.points_sum": "把握 {percent}% 得 {sure} 分 + 剩下的时间得 {left} 分",
    "challenge.points_streak": "，再因为连胜 {streak} 回合加 {more}%",
    # --- evaluation_screen -----------------------------------------------------------------------
    "evaluation_screen.title": "它认得多好？",
    "evaluation_screen.panel_table": (
        "每一行是一个真实数字，每一列是网络认成的数字；对角线上是它认对的"
    ),
    "evaluation_screen.panel_per_digit": "每个数字认对的比例",
    "evaluation_screen.panel_digits": "点表格里的一个方块，看看正是哪些数字",
    "evaluation_screen.key_yours": "你的数字本或测试集数字",
    "evaluation_screen.source_book": "你的数字本",
    "evaluation_screen.book_empty": (
        "你的数字本是空的：在画板上识别之后，按下它应该是的那个数字键。"
    ),
    "evaluation_screen.reading": "正在识别测试集数字……",
    "evaluation_screen.click_hint": "点一个方块，看看那些数字。",
    "evaluation_screen.read_as_axis": "认成",
    "evaluation_screen.true_axis": "真实数字",
    "evaluation_screen.right_column": "认对",
    "evaluation_screen.no_digits": "没有数字",
    "evaluation_screen.pick_square": "点表格里的一个方块。",
    "evaluation_screen.no_test_digits": "没有测试集数字：{error}",
    "evaluation_screen.kind_yours": "你的数字",
    "evaluation_screen.kind_test": "测试集数字",
    "evaluation_screen.summary": (
        "{total:,} 个{kind}中认对了 {right:,} 个（{share:.1%}），来自{source}"
    ),
    "evaluation_screen.cell_right": "认对了",
    "evaluation_screen.cell_read_as": "被认成 {digit}",
    "evaluation_screen.cell": "{digits} {verdict}",
    "evaluation_screen.first_shown": "（前 {count} 个）",
    "evaluation_screen.tile_true": "真实 {digit}",
    # --- numbers ---------------------------------------------------------------------------------
    "numbers.tiny": "小于 0.001",
    "numbers.almost_zero": "几乎是 0",
    "numbers.tiny_percent": "小于 0.1%",
    "numbers.almost_all_percent": "大于 99.9%",
    "numbers.huge": "一个很大的数",
    "numbers.huge_negative": "一个很大的负数",
    "numbers.not_a_number": "?",
    # 几个某数字（numbers.digits_counted）："个"已经把两个数字隔开（"2 个 1"），所以照样写数字。
    "numbers.small_counts": "0|1|2|3|4|5|6|7|8|9|10",
    "numbers.no_digits": "没有一个 {digit}",
    "numbers.one_digit": "1 个 {digit}",
    "numbers.few_digits": "{count} 个 {digit}",
    "numbers.many_digits": "{count} 个 {digit}",
    # --- card (the pieces every detail card shares) ----------------------------------------------
    "card.map": "{layer} 特征图 {number}",
    "card.adds": "加 {value}",
    "card.takes_away": "减 {value}",
    "card.adds_nothing": "什么也没加",
    "card.close_hint": "Esc：关闭  空格：暂停  X：{figures}",
    "card.x_shows_exact": "精确值",
    "card.x_shows_rounded": "四舍五入",
    "card.tab_hint": "Tab：{source} 特征图 {number}  ",
    "card.conv_title": "{layer} 卷积核 {number} 怎样算出一个像素",
    "card.pool_title": "{layer} 特征图 {number} 怎样缩小它的输入",
    "card.dense_title": "十个分数怎样变成概率：为什么是 {digit}？",
    # --- conv_card -------------------------------------------------------------------------------
    "conv_card.sentence_reads_input": (
        "这个卷积核的 25 个权重在输入上滑动。每停一处，窗口下的每个像素乘以它的权重，25 "
        "个乘积加起来，再加上偏置，relu 激活函数只在结果是正数时留下它。"
        "橙色的权重喜欢它那一格里有墨迹，蓝色的不喜欢。"
    ),
    "conv_card.sentence_reads_maps": (
        "{layer} 的卷积核同时读全部 {count} 张 {source} 特征图，每张各用一片 5x5 的权重。{name}。"
        "{spot}。{count} 张特征图的乘积全部加起来，再加上偏置，relu "
        "激活函数只在结果是正数时留下它。"
    ),
    "conv_card.shown": "这里显示：{source} 特征图 {number}",
    "conv_card.shown_strongest": "，在整个数字上，它最能让这个卷积核起反应",
    "conv_card.spot_none": "在这个位置，没有哪张特征图帮卷积核起反应；这一张{amount}",
    "conv_card.spot_most": "在这个位置，它在 {count} 张特征图中出力最多：它{amount}",
    "conv_card.spot_other": "在这个位置，它{amount}，而特征图 {best} 出力最多：它{best_amount}",
    "conv_card.the_input": "输入",
    "conv_card.window": "5x5 窗口",
    "conv_card.filter_weights": "卷积核 {number} 的权重",
    "conv_card.map_weights": "特征图 {number} 的权重",
    "conv_card.products": "窗口 × 权重",
    "conv_card.add_up": "把 25 个乘积加起来：  {total}",
    "conv_card.add_up_map": (
        "特征图 {number} 的 25 个乘积加起来是 {part}；其余 {others} 张特征图加 {rest}"
    ),
    "conv_card.plus_bias": "{total} + 偏置 {bias} = {result}",
    "conv_card.relu": "relu 激活函数（负的和变成 0）：  {output}",
    "conv_card.own_value": "网络自己算出的值（第 {row} 行，第 {col} 列）：{value}",
    "conv_card.from_each": "来自每张 {source} 特征图：",
    "conv_card.part": "{number}: {part}",
    # --- pool_card -------------------------------------------------------------------------------
    "pool_card.sentence": (
        "池化（最大池化）保留 {source} 特征图 {number} 每个 2x2 方块里最大的数："
        "特征图的宽和高都变成一半，但仍然记得图案是在哪里找到的，画稍微挪动一点，结果的变化也更小。"
    ),
    "pool_card.window": "2x2 窗口",
    "pool_card.keep_biggest": "保留最大的",
    "pool_card.biggest": "第 {row} 行，第 {col} 列：{four} 中最大的是 {biggest}",
    "pool_card.own_value": "网络自己算出的值：{value}",
    # --- dense_card ------------------------------------------------------------------------------
    "dense_card.sentence": (
        "每个分数是 pool2 的 256 个数各乘以权重再相加，加上偏置。e 的分数次方让它变成正数，"
        "而且分数大一点，结果就大很多；每个再除以十个的总和，就变成加起来等于 100% 的概率。"
    ),
    "dense_card.digit": "数字",
    "dense_card.score": "分数",
    "dense_card.exponential": "e^分数",
    "dense_card.chance": "概率",
    "dense_card.sum": "十个的总和：{total}",
    "dense_card.division": "{digit} 的概率 = {exponential} / {total} = {chance}",
    "dense_card.shift": "（每个分数先减去 {shift}；概率不变）",
    "dense_card.pushed_up": "最能把 {digit} 推高的 pool2 特征图",
    "dense_card.pushed_against": "……以及最能压低 {digit} 的",
    "dense_card.map_part": "特征图 {number}：{part}",
    "dense_card.score_sum": (
        "{digit} 的分数 = {maps} 张特征图的部分（{parts}）+ 偏置 {bias} = {score}"
    ),
    # --- detector (the hover popup: what a conv map looks for) -----------------------------------
    "detector.looks_for": "这个检测器在找：",
    "detector.horizontal": "横的笔画和边缘",
    "detector.vertical": "竖的笔画和边缘",
    "detector.up_right": "向右上方走的笔画",
    "detector.down_right": "向右下方走的笔画",
    "detector.mix": "各种形状混在一起",
    "detector.patches": "反应最强处：",
    "detector.filter": "它的卷积核：",
    # --- network (the network view and its hover popup) ------------------------------------------
    "network.net_sees_title": "网络看到的",
    "network.click_why": "点击：为什么是它？",
    "network.map_title": "{layer}，特征图 {number}",
    "network.click_how": "点击：看它怎么算出来",
    "network.values": "数值从 {low} 到 {high}",
    # --- key labels (the keys' own names, as the help and the footers write them) ---------------
    "keys.footer_key": "{key}  {what}",
    "keys.footer_help": "H  帮助",
    "keys.footer_gap": "   |   ",
    "keys.esc": "Esc",
    "keys.esc_or": "Esc / {key}",
    "keys.esc_t_or_b": "Esc / T / B",
    "keys.or_window_fullscreen": "{key} / F11",
    "keys.space": "空格",
    "keys.tab": "Tab",
    "keys.enter": "Enter",
    "keys.delete": "Delete",
    "keys.digits": "0-9",
    "keys.help": "H / F1 / ?",
    "keys.this_help": "打开帮助",
    "keys.ctrl_z": "Ctrl+Z",
    "keys.right_or_space": "→ / 空格",
    "keys.left": "←",
    "keys.up_or_down": "↑ / ↓",
    "lesson.name_text": "上方的文字",
    "lesson.name_live": "右边的面板",
    # --- panel names (what each screen's help calls its panels) ----------------------------------
    "board_screen.name_board": "画板",
    "board_screen.name_reads": "网络认出",
    "board_screen.name_network": "网络面板",
    "book_screen.name_squares": "每个方块",
    "challenge_screen.name_prompt": "题目",
    "challenge_screen.name_guess": "猜测",
    "challenge_screen.name_summary": "总结",
    "evaluation_screen.name_table": "表格",
    "evaluation_screen.name_per_digit": "每个数字",
    "evaluation_screen.name_digits": "那些数字",
    "train_screen.name_accuracy": "准确度",
    "train_screen.name_val_accuracy": "val_accuracy（验证集）",
    "train_screen.name_loss": "损失",
    "train_screen.name_maps": "特征图",
    # --- help (the help overlay) -----------------------------------------------------------------
    "help.title": "帮助：{title}",
    "help.closes": "按 {keys} 或 Esc 关闭",
    "help.keys": "按键",
    "help.panels": "你看到的",
    "help.words": "词汇",
    "help.more_words": "还有 {count} 个词放不下",
    "help.more_words_large": "还有 {count} 个词放不下：关掉大字（F2）就能看到",
    "help.more_words_bigger_window": "还有 {count} 个词放不下：把窗口拉大就能看到",
    "help.more_words_bigger_window_chosen": "还有 {count} 个词放不下：把窗口拉大，再按 F2 就能看到",
    # --- glossary (the help overlay's words) -----------------------------------------------------
    "glossary.name_convolution": "卷积",
    "glossary.convolution": "一个 5x5 的小图案在图像上滑动；图像和它相像的地方，特征图就亮起来",
    "glossary.name_feature_map": "特征图",
    "glossary.feature_map": "一个检测器的回答：图像上每个位置一个数",
    "glossary.name_pooling": "池化（最大池化）",
    "glossary.pooling": "保留每个 2x2 方块里最大的数，让特征图变小",
    "glossary.name_softmax": "softmax",
    "glossary.softmax": "把十个分数变成加起来等于 100% 的概率",
    "glossary.name_epoch": "轮",
    "glossary.epoch": "把所有训练集数字过一遍",
    "glossary.name_validation": "验证集",
    "glossary.validation": "它从不学习的数字：它的模拟考（测试集数字一直留到最后，是它的期末考）",
    "glossary.name_accuracy": "准确度",
    "glossary.accuracy": "认对的数字所占的比例",
    "glossary.name_loss": "损失",
    "glossary.loss": "网络平均错得有多厉害（交叉熵）；越低越好",
    "glossary.name_batch": "批次",
    "glossary.batch": "每次稍微修正权重之前，它要看多少个数字",
    "glossary.name_samples": "样本/秒",
    "glossary.samples": "网络每秒学习的数字个数",
    "glossary.name_augmentation": "数据增强",
    "glossary.augmentation": "把训练集数字挪一挪、转一转、写粗或写细，让网络学会认更多种写法",
    "glossary.name_exact": "四舍五入的数",
    "glossary.exact": "卡片上的数都四舍五入过，方便阅读；在卡片上按 X 显示精确值",
    # --- layer (the network view's columns) ------------------------------------------------------
    "layer.input": "你的画，缩小并扶正",
    "layer.input_plain": "整个画板，缩小到 28x28",
    "layer.conv1": "8 个笔画检测器：每个在自己的图案出现的地方亮起来",
    "layer.pool1": "缩小：保留每个 2x2 方块里最大的",
    "layer.conv2": "16 个检测器，把笔画组合成数字的各个部分",
    "layer.pool2": "再缩小：每个 2x2 方块里最大的",
    "layer.dense": "十个分数变成加起来等于 100% 的概率",
    "layer.chances": "{count} 个概率",
    "layer.pixels": "{height}x{width} 像素",
    "layer.maps": "{count} 张 {height}x{width} 的特征图",
    "layer.one_map": "{count} 张 {height}x{width} 的特征图",
    "network.net_sees_lines": "网络|看到的",
    # --- model_client (the model in use, as the game names it) -----------------------------------
    "model.shipped": "自带的模型",
    "model.the": "{name}",  # Chinese has no "the": every name is said as it is
    "model.named_as_is": "你的|自带",
    "model.state_loading": "加载中……",
    "model.state_ready": "就绪",
    "model.state_failed": "没有模型",
    "model.label": "{name}，期末考 {accuracy:.1%}（{measured_on}）",
    "engine.no_tensorflow": "TensorFlow 无法启动：{error}",
    "digit.with_a": "{digit}",  # Chinese has no "a" or "an": the digit alone
    "digit.with_an": "{digit}",
    "reading.not_a_digit": "我看这不像一个数字。",
    "best_scores.unreadable": "最高分文件读不了（{error}），{where}",
    # --- training_session (its status, as the board's corner says it) ----------------------------
    "training_status.idle": "空闲",
    "training_status.loading_data": "正在加载数据",
    "training_status.training": "训练中",
    "training_status.stopping": "正在停止",
    "training_status.finished": "已完成",
    "training_status.stopped": "已停止",
    "training_status.failed": "失败",
    # --- line_chart ------------------------------------------------------------------------------
    "chart.epoch": "轮",
    "chart.earlier_runs": "淡色：之前的训练",
    "chart.point": "{series}，第 {epoch} 轮：{value}",
    # --- window ----------------------------------------------------------------------------------
    "window.caption": "MNIST Arcade",
    # ----- kernel lab -----
    "kernel_lab.preset_blur": "模糊",
    "kernel_lab.preset_sharpen": "锐化",
    "kernel_lab.preset_outline": "轮廓",
    "kernel_lab.preset_emboss": "浮雕",
    "kernel_lab.preset_left_edges": "左边缘",
    "kernel_lab.preset_right_edges": "右边缘",
    "kernel_lab.preset_top_edges": "上边缘",
    "kernel_lab.preset_bottom_edges": "下边缘",
    "kernel_lab.button": "{number} {name}",
    "kernel_lab.input": "图片",
    "kernel_lab.output": "经过卷积核之后",
    "kernel_lab.kernel_preset": "{name}卷积核",
    "kernel_lab.kernel_edited": "你的卷积核",
    "kernel_lab.point_at_output": "把鼠标指向结果里的一个像素，看看它的和。",
    "kernel_lab.products": "每个像素 × 它的权重：",
    "kernel_lab.sum": "加起来是 {total}",
    "kernel_lab.shown_as": "屏幕上显示为 {shown}",
    "kernel_lab.hint": "点一个权重加 1，右键点减 1，或者拖动它。",
    "kernel_lab.to_learned": "Tab：网络自己的卷积核",
    "kernel_lab.to_lab": "Tab：回到卷积核实验室",
    "kernel_lab.learned_title": (
        "网络的第一个卷积层就是 8 个这样的卷积核，不过它们是 5x5 的，而且是从数字中学来的，"
        "不是谁挑的。每个旁边是它对你的画算出的特征图。"
    ),
    "kernel_lab.learned_filter": "卷积核 {number}",
    "kernel_lab.no_weights": "网络还在加载……",
    "kernel_lab.no_image": "先在画板上画一个数字。",
    # ----- filter switches -----
    "filter_switches.title": (
        "网络的前 {count} 个卷积核（{layer}）：点一个，或按它的数字，就能把它关掉"
    ),
    "filter_switches.title_click": "网络的前 {count} 个卷积核（{layer}）：点一个就能把它关掉",
    "filter_switches.filter": "{number}",
    "filter_switches.all_on": "卷积核全开",
    "filter_switches.off": "已关掉：{filters}",
    "filter_switches.reading": "它把你的画认成 {digit}（把握 {sure}）",
    "filter_switches.no_drawing": "画一个数字，看看它怎样被识别",
    "filter_switches.accuracy": (
        "{digits} 个测试集数字认对 {accuracy:.1%}（所有卷积核都开着时：{all_on:.1%}）"
    ),
    "filter_switches.no_accuracy": "没有可以用来测量的测试集数字",
    "filter_switches.waiting": "正在问网络……",
    # ----- lesson -----
    "lesson.title": "课程，一步一步来",
    "lesson.panel_text": "这一步讲什么，以及要做的一件事",
    "lesson.panel_live": "这一步的实时面板，尽量用你自己的画来做",
    "lesson.key_next": "下一步",
    "lesson.key_back": "上一步",
    "lesson.key_leave": "离开课程（会记住这一步）",
    "lesson.key_clear": "清除画板",
    "lesson.key_line": "点亮下一行或上一行代码",
    "lesson.key_train": "训练界面（在那里按 1：教程的训练）",
    "lesson.offer": "第一次来？按 L 开始 {steps} 步的课程。",
    "lesson.step_of": "第 {step} / {steps} 步",
    "lesson.do": "试一试：{what}",
    "lesson.footer": "→ 或 空格  下一步     ←  上一步     Esc  离开     H  帮助",
    "lesson.footer_code": (
        "→ 或 空格  下一步     ←  上一步     ↑ / ↓  点亮一行     Esc  离开     H  帮助"
    ),
    "lesson.progress_odd": "课程从第 1 步重新开始：{name} 有问题（{reason}），{where}。",
    "lesson.progress_unread": "课程从第 1 步重新开始：{name} 读不了（{reason}）。",
    "lesson.progress_unsaved": "课程记不住这一步：{reason}。",
    "lesson.draw_first": "在画板上画一个数字，这个面板就会填满。",
    "lesson.loading_digits": "正在加载 MNIST 数字……",
    "lesson.no_digits": "没有 MNIST 数字：{error}",
    "lesson.label": "标签 {digit}",
    "lesson.numbers_photo": "一张 200x200 的彩色照片：{count:,} 个数",
    "lesson.numbers_digit": "你的数字，28x28 灰度：{count:,} 个数",
    "lesson.map_conv": "conv1 特征图 {channel}：{side}x{side}",
    "lesson.map_pool": "pool1：{side}x{side}",
    "lesson.reads": "认成 {digit}，把握 {sure}",
    "lesson.code_trimmed": "来自 {file}，有删减：省略了权重的初始化",
    "lesson.code_layer": "{name}：输出 {shape}，{weights:,} 个权重",
    "lesson.code_output": "输出",
    "lesson.code_weights": "权重数",
    "lesson.code_total": "一共 {weights:,} 个权重",
    "lesson.code_from": "来自 {file}，在 {function}() 里：",
    "lesson.recipe": "教程的训练：{recipe}",
    "lesson.stage_crop": "裁掉空白",
    "lesson.stage_fit": "放进 20x20",
    "lesson.stage_centre": "按重心居中",
    "lesson.stage_upright": "扶正",
    "lesson.stage_divide": "除以 255（归一化）",
    "lesson.stage_plain": "直接缩放",
    "lesson.stage_reads": "{digit}，{sure}",
    "lesson.stage_brightest": "最亮的像素 {value:g}",
    "lesson.network_loading": "网络还在加载：加载好就会识别你的画。",
    "lesson.last_step": "这是最后一步。按 Esc 回到画板；按 ← 退回一步。",
    "lesson.first_step": "这是第一步。按 → 或空格继续；按 Esc 离开课程。",
    "lesson.data_title": "1. 数据：数字和它们的标签",
    "lesson.data_text": (
        "MNIST 有 70,000 个手写数字，每个都是 28x28 的灰度像素，每个都带着它写的是几："
        "这就是它的标签。这里是其中 20 个。网络只从这样的例子里学习；没有人告诉它 7 长什么样。"
    ),
    "lesson.data_do": "找出两个看起来很像、但标签不同的数字。",
    "lesson.cnn_title": "2. 为什么用卷积神经网络？",
    "lesson.cnn_text": (
        "一张 200x200 的彩色照片有 {photo:,} 个数，就连你的小数字也有 {digit:,} 个。"
        "如果每个数都有自己的权重，权重就太多了，而且同一种笔画在每个位置都要重新学一遍。"
        "卷积神经网络把小小的检测器在图上滑过，就像我们的眼睛先找到边缘和角，再用它们拼出形状。"
    ),
    "lesson.cnn_do": "在画板上画一个数字，看看网络得到的这些数。",
    "lesson.conv_title": "3. 卷积：卷积核在图上滑动",
    "lesson.conv_text": (
        "卷积核是一小格一小格的权重。在每个位置，它把下面的像素乘以自己的权重再加起来，"
        "所以有的卷积核会让图模糊，有的会找出边缘。卷积层的权重就是它的卷积核：网络自己学会它们。"
    ),
    "lesson.conv_do": "按 {key} 选轮廓卷积核，再点下面的一个卷积核把它关掉。",
    "lesson.pool_title": "4. 池化：每个 2x2 里最大的",
    "lesson.pool_text": (
        "池化层（最大池化）保留特征图每个 2x2 方块里最大的数。特征图只剩原来的四分之一，"
        "所以下一层用更少的计算就能看到数字更大的一块。池化没有权重：它什么也不学。"
    ),
    "lesson.pool_do": "画一个数字，把每张 conv1 特征图和它池化后的特征图比一比。",
    "lesson.dense_title": "5. 全连接层：分类器",
    "lesson.dense_text": (
        "经过第二个卷积层和池化层之后，你的数字变成 {inputs:,} 个数。"
        "全连接层给十个数字各打一个分数：每个数乘以一个权重，加起来，再加上偏置；一共 {weights:,} "
        "个权重。softmax 把十个分数变成加起来等于 100% 的概率。"
    ),
    "lesson.dense_do": "画一个 4，再把它改成 9，看概率怎么变。",
    "lesson.code_title": "6. 模型的代码",
    "lesson.code_text": (
        "这是游戏用来搭建网络的代码，直接从它自己的文件里读出来。每一行是一层；"
        "旁边是这一层输出的形状，以及它要学多少个权重。"
    ),
    "lesson.code_do": "按 ↑ 和 ↓ 点亮每一层；哪一层的权重最多？",
    "lesson.train_title": "7. 训练",
    "lesson.train_text": (
        "教程的训练从 1,000 个数字里学习，留出 200 个来检查自己（验证集），每个批次看 500 个，"
        "一共过 50 遍（50 轮），每轮之后画出损失和准确度。它在教程里达到约 70%，在这里是 90-94%："
        "一个不同是，这里每个数字在交给网络识别之前都先扶正了。"
    ),
    "lesson.train_do": "按 T 打开训练界面，再按 1 选教程的训练。",
    "lesson.input_title": "8. 从画板到 28x28",
    "lesson.input_text": (
        "你的画是 300x300 像素；网络读的是 28x28。游戏像 MNIST 的制作者那样一步一步处理，"
        "每一步之后都识别一次。教程只是把整个画板直接缩小：它的直接缩放在最后一行。"
    ),
    "lesson.input_do": "在角落里画一个小数字，比较最后两次识别的结果。",
    "lesson.predict_title": "9. 预测你的画",
    "lesson.predict_text": (
        "现在是完整的路线：你的画变成 28x28，经过 conv1、pool1、conv2、pool2 和 dense，softmax "
        "给出十个概率。在画板上，按 P 一层一层地显示，按 W 显示你的画的哪些部分最重要。"
    ),
    "lesson.predict_do": "画一个网络认错的数字，再说说它为什么可能会认错。",
    # --- language (the switch key, and the remembered choice) ------------------------------------
    "language.own_name": "中文",
    "language.switched": "现在是中文：按 Y 换成 {other}。",
    "language.choice_odd": "没能记住你选的语言：{name}（{reason}）{where}。",
    "board_screen.key_language": "换一种语言：{language}",
    "language.choice_unkept": "没能记住你选的语言：{reason}。",
    "model.name_trained": "你训练的模型",
    "model.name_given": "用 --model 指定的模型",
    "model.measured_on": "{count} 个 MNIST 测试集数字",
    # --- file (what happened to a player's file; said by player_files, worded here) ---------
    "file.set_aside": "已另存为 {name}",
    "file.left_in_place": "还留在原处",
    "file.not_a_folder": "{path} 是一个文件，不是文件夹",
    "file.disk_full": "磁盘满了",
    "file.read_only": "{folder} 在只读磁盘上",
    "file.no_permission": "你不能在 {folder} 里写入",
    "file.quota_full": "你的磁盘配额满了",
}
