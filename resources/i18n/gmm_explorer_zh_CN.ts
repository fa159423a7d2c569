<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgreementPanel</name>
    <message>
        <location filename="../../gui/main/agreement.py" line="61"/>
        <source>True labels</source>
        <translation>真实标签</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="70"/>
        <source>Rows: the true labels (those left without a component say none). Columns: the components, each label&apos;s matched component first (the Hungarian algorithm pairs labels and components so that the most rows agree). The diagonal, in bold, holds the rows on their matched component.</source>
        <translation>行：真实标签（没有分到分量的标签标为“无”）。列：分量，每个标签匹配到的分量排在前面（匈牙利算法为标签和分量配对，使一致的行最多）。对角线上的粗体数字是落在匹配分量上的行数。</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="74"/>
        <source>Copy table</source>
        <translation>复制表格</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="75"/>
        <source>Copy the confusion table as tab-separated text</source>
        <translation>将混淆矩阵复制为以制表符分隔的文本</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="84"/>
        <source>How the fit agrees with the data&apos;s true labels: the adjusted Rand index (1 for the same grouping, about 0 for chance, whatever the numbering) and the confusion table after matching labels to components</source>
        <translation>拟合结果与数据真实标签的一致程度：调整兰德指数（分组相同为 1，随机约为 0，与编号无关），以及将标签与分量匹配后的混淆矩阵</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="94"/>
        <source>Agreement of the fit with the true labels; click for the table</source>
        <translation>拟合结果与真实标签的一致性；点击查看表格</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="98"/>
        <location filename="../../gui/main/agreement.py" line="147"/>
        <source>The data has no true labels. A preset, painted points or a file with a column named &apos;label&apos; has them.</source>
        <translation>数据没有真实标签。预设、绘制的点或带有名为 &apos;label&apos; 的列的文件才有真实标签。</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="118"/>
        <source>true label</source>
        <translation>真实标签</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="118"/>
        <source>component {0}</source>
        <translation>分量 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="135"/>
        <source>The agreement shows after the first E-step.</source>
        <translation>第一次 E 步之后显示一致性。</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="163"/>
        <source>true labels: ARI –</source>
        <translation>真实标签：ARI –</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="173"/>
        <source>Adjusted Rand index {0:.3f}; {1} of {2} points ({3:.1f} %) on the component matched to their label (iteration {4}, latest E-step).</source>
        <translation>调整兰德指数 {0:.3f}；{2} 个点中有 {1} 个（{3:.1f} %）落在与其标签匹配的分量上（第 {4} 次迭代，最近一次 E 步）。</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="176"/>
        <source>true labels: ARI {0:.3f}</source>
        <translation>真实标签：ARI {0:.3f}</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="184"/>
        <source>comp. {0}</source>
        <translation>分量 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="186"/>
        <source>label {0}</source>
        <translation>标签 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="187"/>
        <source>{0} (none)</source>
        <translation>{0}（无）</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="188"/>
        <source>True label {0}, matched to component {1}</source>
        <translation>真实标签 {0}，匹配到分量 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="189"/>
        <source>True label {0}: no component is left to match it (fewer components than labels)</source>
        <translation>真实标签 {0}：没有剩余的分量可与之匹配（分量数少于标签数）</translation>
    </message>
</context>
<context>
    <name>ChooseK</name>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="93"/>
        <source>Choose K</source>
        <extracomment>The view is redrawn at most this often while cells arrive, in milliseconds. The panel is made at least this wide when it opens, where the data view keeps half the window beside it.</extracomment>
        <translation>选择 K</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="96"/>
        <source>Model selection: every K and covariance type fitted and ranked by a criterion.</source>
        <translation>模型选择：对每个 K 和每种协方差类型进行拟合，并按信息准则排序。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="101"/>
        <source>Show or hide the Choose K panel.</source>
        <translation>显示或隐藏“选择 K”面板。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="103"/>
        <source>Choose &amp;K…</source>
        <translation>选择 K(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="104"/>
        <source>Fits K = 1 to 9 components with every covariance type to the data and ranks them by BIC, AIC, ICL or held-out log-likelihood; click a result to put that model on the canvas.</source>
        <translation>对数据用每种协方差类型拟合 K = 1 到 9 个分量，并按 BIC、AIC、ICL 或留出数据的对数似然排序；点击一个结果即可将该模型放到画布上。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="154"/>
        <source>No data: generate or open a data set first.</source>
        <translation>没有数据：请先生成或打开一个数据集。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="166"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="181"/>
        <source>Stopping after the current step…</source>
        <translation>当前步骤完成后停止…</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="219"/>
        <source>The data changed: choose K again for the data on screen.</source>
        <translation>数据已改变：请对屏幕上的数据重新选择 K。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="224"/>
        <source>{0} from Choose K: E, M or Space go on from it.</source>
        <translation>已载入“选择 K”中的 {0}：按 E、M 或空格键从它继续。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="266"/>
        <source>The selection stopped with an error: {0}</source>
        <translation>模型选择因错误而停止：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="268"/>
        <source>Done: {0} cells. Click a point or a row to put that model on the canvas.</source>
        <translation>完成：{0} 个单元。点击一个点或一行即可将该模型放到画布上。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="273"/>
        <source>Stopped after {0} of {1} cells.</source>
        <translation>在 {1} 个单元中完成 {0} 个后停止。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="223"/>
        <location filename="../../gui/choosek/chooser.py" line="279"/>
        <source>K={0} {1}</source>
        <translation>K={0} {1}</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="281"/>
        <source>Fitting {0}: start {1} of {2}</source>
        <translation>正在拟合 {0}：第 {1} 个起点，共 {2} 个</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="283"/>
        <source>Fitting {0}: on to the tight tolerance</source>
        <translation>正在拟合 {0}：继续迭代到严格容差</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="284"/>
        <source>Fitting {0}: cross-validation fold {1} of {2}</source>
        <translation>正在拟合 {0}：交叉验证第 {1} 折，共 {2} 折</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="296"/>
        <location filename="../../gui/choosek/chooser.py" line="301"/>
        <source>The data changed: choose K again for the new data.</source>
        <translation>数据已改变：请对新数据重新选择 K。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/plot.py" line="39"/>
        <source>BIC (lower is better)</source>
        <extracomment>A click this close to a point (in pixels) picks it. Colour and symbol of each covariance type&apos;s line (the symbols tell them apart without colour too). Unicode glyphs of the symbols, for the legend above the plot.</extracomment>
        <translation>BIC（越低越好）</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/plot.py" line="39"/>
        <source>AIC (lower is better)</source>
        <translation>AIC（越低越好）</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/plot.py" line="40"/>
        <source>ICL (lower is better)</source>
        <translation>ICL（越低越好）</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/plot.py" line="41"/>
        <source>held-out log-lik. per point (higher is better)</source>
        <translation>留出数据的每点对数似然（越高越好）</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/plot.py" line="70"/>
        <source>number of components K</source>
        <translation>分量个数 K</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/plot.py" line="74"/>
        <source>Each finished cell of the grid: K across, the criterion up, one line per covariance type. Ringed in red: the best cell that is not degenerate; hollow: degenerate fits (never chosen). Click a point to put that model on the canvas; the mouse wheel zooms the criterion&apos;s axis.</source>
        <translation>网格中每个已完成的单元：横轴为 K，纵轴为准则值，每种协方差类型一条线。红圈：非退化的最优单元；空心：退化的拟合（不会被选中）。点击一个点即可将该模型放到画布上；鼠标滚轮缩放准则所在的坐标轴。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/plot.py" line="105"/>
        <source>best</source>
        <translation>最优</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/plot.py" line="105"/>
        <location filename="../../gui/choosek/table.py" line="49"/>
        <source>degenerate</source>
        <translation>退化</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/table.py" line="31"/>
        <source>BIC</source>
        <extracomment>Text colour of degenerate cells&apos; rows. Background of the best cell&apos;s row. Column of each field.</extracomment>
        <translation>BIC</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/table.py" line="31"/>
        <source>AIC</source>
        <translation>AIC</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/table.py" line="31"/>
        <source>ICL</source>
        <translation>ICL</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/table.py" line="32"/>
        <source>CV log-lik.</source>
        <translation>CV 对数似然</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/table.py" line="47"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/table.py" line="51"/>
        <source>not converged</source>
        <translation>未收敛</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/table.py" line="79"/>
        <source>Every finished cell, best first by the criterion. Δ is the difference to the best cell that is not degenerate. Click a row to put that model on the canvas.</source>
        <translation>所有已完成的单元，按准则从优到劣排列。Δ 是与非退化最优单元的差值。点击一行即可将该模型放到画布上。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/table.py" line="86"/>
        <source>covariance</source>
        <translation>协方差</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/table.py" line="87"/>
        <source>flags</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ChooseKView</name>
    <message>
        <location filename="../../gui/choosek/view.py" line="60"/>
        <source>The smallest number of components tried.</source>
        <extracomment>Largest seed the seed box takes.</extracomment>
        <translation>尝试的最小分量个数。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="62"/>
        <source>The largest number of components tried. From 1 to 9 (the default), K stops at the number of distinct points when the data has fewer.</source>
        <translation>尝试的最大分量个数。取 1 到 9（默认为 9）；数据中不同的点更少时，K 最多取到不同点的个数。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="65"/>
        <source>k-means++ starts per cell; the best is continued to a tight tolerance (1e-8).</source>
        <translation>每个单元的 k-means++ 起点数；最优者继续迭代到严格容差（1e-8）。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="67"/>
        <source>Cross-validation folds for the held-out log-likelihood (the same folds for every cell).</source>
        <translation>留出数据对数似然的交叉验证折数（所有单元使用相同的折）。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="68"/>
        <source>Every cell&apos;s starts and the folds come from this seed.</source>
        <translation>每个单元的起点和交叉验证的折都由这个随机种子生成。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="74"/>
        <source>Fit the covariance type &apos;{0}&apos; for every K.</source>
        <translation>对每个 K 拟合协方差类型“{0}”。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="77"/>
        <source>Choose K</source>
        <translation>选择 K</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="78"/>
        <source>Fits every K and covariance type of the grid to the data on screen, each to its optimum, and ranks them (Ctrl+K).</source>
        <translation>对屏幕上的数据拟合网格中的每个 K 和每种协方差类型，各自拟合到最优，然后排序（Ctrl+K）。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="80"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="81"/>
        <source>Stops the selection after the cell it is fitting; the finished cells stay.</source>
        <translation>在当前单元拟合完后停止模型选择；已完成的单元保留。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="88"/>
        <location filename="../../gui/choosek/view.py" line="239"/>
        <source>no run yet</source>
        <translation>尚未运行</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="89"/>
        <source>Cells of the grid finished, of all.</source>
        <translation>网格中已完成的单元数与总数。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="93"/>
        <source>What the selection is fitting now.</source>
        <translation>模型选择当前正在拟合的内容。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="95"/>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="95"/>
        <source>AIC</source>
        <translation>AIC</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="96"/>
        <source>ICL</source>
        <translation>ICL</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="96"/>
        <source>held-out log-lik. (CV)</source>
        <translation>留出对数似然 (CV)</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="100"/>
        <source>What ranks the cells. BIC = -2 log L + p log N and AIC = -2 log L + 2 p (as scikit-learn&apos;s bic() and aic()), ICL = BIC plus the classification&apos;s entropy (mclust&apos;s, in this sign): lower is better. Held-out log-likelihood per point over the folds: higher is better.</source>
        <translation>用于为单元排序的准则。BIC = -2 log L + p log N，AIC = -2 log L + 2 p（与 scikit-learn 的 bic() 和 aic() 相同），ICL = BIC 加上分类的熵（即 mclust 的 ICL，符号相反）：越低越好。各折上每点的留出对数似然：越高越好。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="113"/>
        <source>K from</source>
        <translation>K 从</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="113"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="118"/>
        <source>Starts</source>
        <translation>起点</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="118"/>
        <source>Folds</source>
        <translation>折数</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="119"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="135"/>
        <source>Rank by</source>
        <translation>排序依据</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="186"/>
        <source>The range of K is reversed: {0} to {1}.</source>
        <translation>K 的范围颠倒了：{0} 到 {1}。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="189"/>
        <source>Tick at least one covariance type.</source>
        <translation>请至少勾选一种协方差类型。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="204"/>
        <source>{0} / {1} cells</source>
        <translation>{0} / {1} 个单元</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="217"/>
        <source>No usable cell yet.</source>
        <translation>还没有可用的单元。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="219"/>
        <source>Best: K = {0}, {1} ({2} {3}).</source>
        <translation>最优：K = {0}，{1}（{2} {3}）。</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="220"/>
        <source>Best so far: K = {0}, {1} ({2} {3}).</source>
        <translation>目前最优：K = {0}，{1}（{2} {3}）。</translation>
    </message>
</context>
<context>
    <name>CoinsRun</name>
    <message>
        <location filename="../../gui/lessons/coins_run.py" line="133"/>
        <source>EM has finished: press R to go back to the start, or Space to run again.</source>
        <translation>EM 已结束：按 R 回到起点，或按空格键再运行一次。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_run.py" line="170"/>
        <source>EM stopped with an error</source>
        <translation>EM 因出错而停止</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_run.py" line="189"/>
        <source>The coins view shows this half-step:
the E-step&apos;s table and the M-step&apos;s divisions.</source>
        <translation>硬币视图显示的是这一半步：
E 步的表格和 M 步的除法。</translation>
    </message>
</context>
<context>
    <name>CoinsView</name>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="86"/>
        <source>The two head probabilities: the log-likelihood&apos;s contours, EM&apos;s path from the start (a dot per iteration) and where it is now.</source>
        <translation>两个正面概率：对数似然的等高线、EM 从起点出发的路径（每次迭代一个点）以及当前位置。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="101"/>
        <source>Where EM starts; choosing one goes back to that start.</source>
        <translation>EM 的起点；选择一个即回到该起点。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="104"/>
        <location filename="../../gui/lessons/coins_view.py" line="266"/>
        <source>Start</source>
        <translation>起点</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="110"/>
        <source>The parameters on screen, rounded as the textbook rounds them (four decimals in brackets), and the log-likelihood of all the counts (natural log, a total over the observations).</source>
        <translation>屏幕上的参数，按教材的方式取整（括号内为四位小数），以及全部计数的对数似然（自然对数，对所有观测求和）。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="122"/>
        <source>The latest E-step: each coin&apos;s responsibility r for each observation, and the heads H and tails T credited to it (r times the counts).</source>
        <translation>最近一次 E 步：每枚硬币对每个观测的响应度 r，以及分配给它的正面数 H 和反面数 T（r 乘以计数）。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="127"/>
        <source>The M-step: each coin&apos;s credited heads over its credited tosses.</source>
        <translation>M 步：每枚硬币分到的正面数除以分到的抛掷次数。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="170"/>
        <source>Start {0}</source>
        <translation>起点 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="176"/>
        <source>Knowing which coin made each observation: {0} = {1}, {2} = {3}</source>
        <translation>已知每个观测由哪枚硬币产生时：{0} = {1}，{2} = {3}</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="194"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="194"/>
        <source>heads</source>
        <translation>正面</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="194"/>
        <source>tails</source>
        <translation>反面</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="243"/>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="267"/>
        <source>Iteration {0}: E-step</source>
        <translation>第 {0} 次迭代：E 步</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="268"/>
        <source>Iteration {0}: M-step</source>
        <translation>第 {0} 次迭代：M 步</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="269"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="278"/>
        <source>log-likelihood {0}</source>
        <translation>对数似然 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="282"/>
        <source>knowing the coins:</source>
        <translation>已知硬币时：</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="291"/>
        <source>Press E: the E-step fills the table.</source>
        <translation>按 E：E 步填写这张表。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="308"/>
        <source>M-step</source>
        <translation>M 步</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="308"/>
        <source>M-step (press M)</source>
        <translation>M 步（按 M）</translation>
    </message>
</context>
<context>
    <name>ColourSpaceView</name>
    <message>
        <location filename="../../gui/image/colour_view.py" line="51"/>
        <source>The fitted pixels&apos; colour features on the chosen axes (a sample, each dot in its own colour) and each segment&apos;s 1 and 2 standard-deviation ellipses in the segment&apos;s colour, marked with its number.</source>
        <extracomment>The axis pairs offered, as indices into the colour features (r, g, b or L, a, b). The line under each coloured ellipse: dark under a light colour, light under a dark one. Above this luminance (0-255) a segment&apos;s colour counts as light.</extracomment>
        <translation>所拟合像素在所选坐标轴上的颜色特征（抽样，每个点显示其自身颜色），以及每个区域以其颜色绘制、标有编号的 1 倍和 2 倍标准差椭圆。</translation>
    </message>
    <message>
        <location filename="../../gui/image/colour_view.py" line="55"/>
        <source>Which two of the three colour features the plot shows.</source>
        <translation>图中显示三个颜色特征中的哪两个。</translation>
    </message>
    <message>
        <location filename="../../gui/image/colour_view.py" line="67"/>
        <source>Axes</source>
        <translation>坐标轴</translation>
    </message>
</context>
<context>
    <name>CompareBar</name>
    <message>
        <location filename="../../gui/image/compare.py" line="56"/>
        <source>Original</source>
        <translation>原图</translation>
    </message>
    <message>
        <location filename="../../gui/image/compare.py" line="59"/>
        <source>Show the original picture in place of the segmented one while checked (key O), to compare them at the same place.</source>
        <translation>勾选时显示原图代替分割结果（按键 O），以便在同一位置对比。</translation>
    </message>
    <message>
        <location filename="../../gui/image/compare.py" line="63"/>
        <source>Before and after: the segmented picture shows the original left of this split (0: all segmented, 100: all original).</source>
        <translation>前后对比：分割结果中此分界线左侧显示原图（0：全部为分割结果，100：全部为原图）。</translation>
    </message>
    <message>
        <location filename="../../gui/image/compare.py" line="70"/>
        <source>Original left of the split:</source>
        <translation>分界线左侧显示原图：</translation>
    </message>
</context>
<context>
    <name>ComponentLegend</name>
    <message>
        <location filename="../../gui/views/legend.py" line="24"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../gui/views/legend.py" line="26"/>
        <source>Each component&apos;s weight: the share of the data EM gives it.</source>
        <translation>每个分量的权重：EM 分给它的数据份额。</translation>
    </message>
    <message>
        <location filename="../../gui/views/legend.py" line="73"/>
        <location filename="../../gui/views/legend.py" line="82"/>
        <source>{0}   w = {1:.3f}</source>
        <translation>{0}   w = {1:.3f}</translation>
    </message>
    <message>
        <location filename="../../gui/views/legend.py" line="80"/>
        <source>{0}   –</source>
        <translation>{0}   –</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../gui/main/controller.py" line="237"/>
        <source>Cannot open the file</source>
        <extracomment>A change of the Model settings resets EM after this quiet time (a dragged slider resets once). How long the status bar says that EM re-seeded a component, in milliseconds. Keep going runs on until the mean log-likelihood changes by less than this (or the user stops it) ... ... or this many iterations. Points drawn from a loaded model whose features do not match the data on screen. How long closing the window waits for every job to end (a half-step takes well under this; a job stuck in one long engine call is left to the application&apos;s end, see ``gui.app``).</extracomment>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="266"/>
        <source>{0} points drawn from {1}</source>
        <translation>从 {1} 抽取了 {0} 个点</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="273"/>
        <source>Model {0} loaded: Run continues EM from it (initialisation &apos;given&apos;).</source>
        <translation>已加载模型 {0}：运行将从它继续 EM（初始化方式“给定”）。</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="286"/>
        <location filename="../../gui/main/sources.py" line="188"/>
        <source>Cannot show the data</source>
        <translation>无法显示数据</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="296"/>
        <source>1 feature</source>
        <translation>1 个特征</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="296"/>
        <source>{0} features</source>
        <translation>{0} 个特征</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="297"/>
        <source>{0}: {1} points × {2}</source>
        <translation>{0}：{1} 个点 × {2}</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="331"/>
        <source>These settings cannot be used</source>
        <translation>无法使用这些设置</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="400"/>
        <source>Keep going: EM runs on from here until |change| &lt; {0:g} or {1} iterations; Space pauses, Esc stops.</source>
        <translation>继续运行：EM 从这里接着运行，直到 |变化量| &lt; {0:g} 或迭代满 {1} 次；按空格键暂停，按 Esc 停止。</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="445"/>
        <source>K or the covariance type no longer match the loaded model: EM starts from k-means++ again.</source>
        <translation>K 或协方差类型与已加载的模型不再一致：EM 重新从 k-means++ 开始。</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="480"/>
        <source>EM has finished: press R to go back to the start, or Space to run again.</source>
        <translation>EM 已结束：按 R 回到起点，或按空格键再运行一次。</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="499"/>
        <source>Stopped: Space starts EM again from the beginning.</source>
        <translation>已停止：按空格键让 EM 从头重新开始。</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="518"/>
        <source>Start {0}: final mean log-likelihood {1:.6g}.</source>
        <translation>第 {0} 个起点：最终平均对数似然 {1:.6g}。</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="532"/>
        <source>painted</source>
        <translation>手绘</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="544"/>
        <source>No points: turn on Paint points and drag on the canvas.</source>
        <translation>没有数据点：打开“绘制数据点”，然后在画布上拖动。</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="593"/>
        <source>EM stopped with an error</source>
        <translation>EM 因出错而停止</translation>
    </message>
    <message>
        <location filename="../../gui/main/editing.py" line="75"/>
        <location filename="../../gui/main/editing.py" line="78"/>
        <source>These components cannot be used</source>
        <translation>无法使用这些分量</translation>
    </message>
    <message>
        <location filename="../../gui/main/editing.py" line="78"/>
        <source>The window fits at most {0} components: remove one (right-click its mean) first.</source>
        <translation>本窗口最多拟合 {0} 个分量：请先删除一个（右键单击其均值）。</translation>
    </message>
    <message>
        <location filename="../../gui/main/editing.py" line="85"/>
        <source>Components placed by hand: R shows them as EM&apos;s start,
E takes the first E-step from them.</source>
        <translation>手动放置的分量：按 R 将其显示为 EM 的起点，
按 E 从它们出发执行第一次 E 步。</translation>
    </message>
    <message>
        <location filename="../../gui/main/editing.py" line="87"/>
        <source>{0} components placed by hand: Space runs EM from them (initialisation &apos;given&apos;).</source>
        <translation>手动放置了 {0} 个分量：按空格键从它们开始运行 EM（初始化方式“给定”）。</translation>
    </message>
    <message>
        <location filename="../../gui/main/editing.py" line="96"/>
        <source>Erase</source>
        <translation>擦除</translation>
    </message>
    <message>
        <location filename="../../gui/main/editing.py" line="96"/>
        <source>Paint</source>
        <translation>绘制</translation>
    </message>
    <message>
        <location filename="../../gui/main/editing.py" line="102"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="167"/>
        <location filename="../../gui/main/exports.py" line="178"/>
        <location filename="../../gui/main/exports.py" line="189"/>
        <source>Nothing to export</source>
        <translation>没有可导出的内容</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="167"/>
        <location filename="../../gui/main/exports.py" line="178"/>
        <source>There is no fit yet: press Space to run EM first.</source>
        <translation>还没有拟合结果：请先按空格键运行 EM。</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="169"/>
        <source>Export model</source>
        <translation>导出模型</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="170"/>
        <source>JSON model (*.json)</source>
        <translation>JSON 模型 (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="173"/>
        <source>Cannot export the model</source>
        <translation>无法导出模型</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="173"/>
        <source>Model saved to {0}</source>
        <translation>模型已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="180"/>
        <source>Export labels and responsibilities</source>
        <translation>导出标签和响应度</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="181"/>
        <location filename="../../gui/main/exports.py" line="191"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="183"/>
        <source>Cannot export the labels</source>
        <translation>无法导出标签</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="184"/>
        <source>Labels and responsibilities saved to {0}</source>
        <translation>标签和响应度已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="189"/>
        <source>There are no points.</source>
        <translation>没有数据点。</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="191"/>
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="193"/>
        <source>Cannot export the data</source>
        <translation>无法导出数据</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="194"/>
        <source>Data saved to {0}</source>
        <translation>数据已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="197"/>
        <source>Save canvas as PNG</source>
        <translation>将画布保存为 PNG</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="198"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="204"/>
        <source>Cannot save the picture</source>
        <translation>无法保存图片</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="206"/>
        <source>Picture saved to {0}</source>
        <translation>图片已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="214"/>
        <source>Saving {0}…</source>
        <translation>正在保存 {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/main/sources.py" line="52"/>
        <source>{0}: values as large as {1:.3g} cannot be drawn; the window draws values up to {2:.0e} in size.</source>
        <extracomment>Presets of more points than this are generated in a job (smaller ones at once).</extracomment>
        <translation>{0}：无法绘制大到 {1:.3g} 的数值；本窗口只能绘制绝对值不超过 {2:.0e} 的数值。</translation>
    </message>
    <message>
        <location filename="../../gui/main/sources.py" line="99"/>
        <source>Generating {0} points…</source>
        <translation>正在生成 {0} 个点…</translation>
    </message>
    <message>
        <location filename="../../gui/main/sources.py" line="104"/>
        <location filename="../../gui/main/sources.py" line="200"/>
        <source>Cannot generate the data</source>
        <translation>无法生成数据</translation>
    </message>
    <message>
        <location filename="../../gui/main/sources.py" line="111"/>
        <source>Opening {0}…</source>
        <translation>正在打开 {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/main/sources.py" line="118"/>
        <source>Cannot open the model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <location filename="../../gui/main/sources.py" line="122"/>
        <location filename="../../gui/main/sources.py" line="127"/>
        <source>Cannot show the model</source>
        <translation>无法显示模型</translation>
    </message>
    <message>
        <location filename="../../gui/main/sources.py" line="122"/>
        <source>{0} has {1} components; the window fits and shows at most {2}.</source>
        <translation>{0} 有 {1} 个分量；本窗口最多拟合并显示 {2} 个。</translation>
    </message>
    <message>
        <location filename="../../gui/main/sources.py" line="202"/>
        <source>Cannot open the data file</source>
        <translation>无法打开数据文件</translation>
    </message>
    <message>
        <location filename="../../gui/main/arrivals.py" line="60"/>
        <source>K = {0} as the preset</source>
        <extracomment>How long the status bar shows what new data cleared, in milliseconds.</extracomment>
        <translation>K 按预设设为 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main/arrivals.py" line="64"/>
        <source>locks cleared</source>
        <translation>已清除锁定</translation>
    </message>
    <message>
        <location filename="../../gui/main/arrivals.py" line="67"/>
        <source>components placed by hand cleared</source>
        <translation>已清除手动放置的分量</translation>
    </message>
    <message>
        <location filename="../../gui/main/arrivals.py" line="70"/>
        <source>loaded model cleared</source>
        <translation>已清除加载的模型</translation>
    </message>
    <message>
        <location filename="../../gui/main/arrivals.py" line="76"/>
        <source>New data: {0}.</source>
        <translation>新数据：{0}。</translation>
    </message>
    <message>
        <location filename="../../gui/main/arrivals.py" line="76"/>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>ConvergencePlot</name>
    <message>
        <location filename="../../gui/views/convergence.py" line="58"/>
        <source>mean log-lik.</source>
        <extracomment>Changes are clipped to this before the log scale (an exact zero has no logarithm). Point size of the legend above the plot. Room the legend leaves beside it (the left axis and margins), in pixels. The iteration axis shows at least iterations 1 to this (whole numbers on its ticks, not 0.6 ... 1.6). The log-likelihood axis spans at least this fraction of its values (at least this much below 1).</extracomment>
        <translation>平均对数似然</translation>
    </message>
    <message>
        <location filename="../../gui/views/convergence.py" line="59"/>
        <source>|change|</source>
        <translation>|变化量|</translation>
    </message>
    <message>
        <location filename="../../gui/views/convergence.py" line="60"/>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <location filename="../../gui/views/convergence.py" line="85"/>
        <source>E-step: log-likelihood</source>
        <translation>E 步：对数似然</translation>
    </message>
    <message>
        <location filename="../../gui/views/convergence.py" line="85"/>
        <source>M-step: new parameters</source>
        <translation>M 步：新参数</translation>
    </message>
    <message>
        <location filename="../../gui/views/convergence.py" line="86"/>
        <source>± tol around the latest value</source>
        <translation>最新值 ± tol 范围</translation>
    </message>
    <message>
        <location filename="../../gui/views/convergence.py" line="86"/>
        <source>M-step re-seeded a component</source>
        <translation>M 步重新初始化了一个分量</translation>
    </message>
    <message>
        <location filename="../../gui/views/convergence.py" line="105"/>
        <source>tol</source>
        <translation>tol</translation>
    </message>
    <message>
        <location filename="../../gui/views/convergence.py" line="160"/>
        <source>start {0} of {1}</source>
        <translation>第 {0} 个起点（共 {1} 个）</translation>
    </message>
</context>
<context>
    <name>CovarianceType</name>
    <message>
        <location filename="../../gui/covariance_names.py" line="18"/>
        <source>full</source>
        <extracomment>Translation context of the names.</extracomment>
        <translation>完全</translation>
    </message>
    <message>
        <location filename="../../gui/covariance_names.py" line="19"/>
        <source>tied (shared)</source>
        <translation>共享 (tied)</translation>
    </message>
    <message>
        <location filename="../../gui/covariance_names.py" line="20"/>
        <source>diagonal</source>
        <translation>对角</translation>
    </message>
    <message>
        <location filename="../../gui/covariance_names.py" line="21"/>
        <source>spherical</source>
        <translation>球形</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../../gui/panels/data.py" line="52"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="58"/>
        <source>Generates a sample of a known mixture for EM to rediscover.</source>
        <translation>从已知的混合分布生成样本，让 EM 重新找出它。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="59"/>
        <source>How many points to generate: EM&apos;s cost per iteration grows with it.</source>
        <translation>要生成的点数：EM 每次迭代的计算量随之增长。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="62"/>
        <source>How many clusters the &apos;blobs&apos; and &apos;random&apos; presets draw from (EM&apos;s K is set under Model).</source>
        <translation>“blobs”和“random”预设从多少个簇中抽样（EM 的 K 在“模型”中设置）。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="64"/>
        <source>How many features the &apos;blobs&apos; and &apos;random&apos; presets have; EM fits in all of them.</source>
        <translation>“blobs”和“random”预设有多少个特征；EM 在所有特征上拟合。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="66"/>
        <source>Seed of the generated sample: the same seed gives the same points.</source>
        <translation>生成样本的随机种子：相同的种子给出相同的点。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="68"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="69"/>
        <source>Draws a new data set from the preset and resets EM to its starting parameters.</source>
        <translation>从预设抽取新的数据集，并把 EM 重置到初始参数。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="71"/>
        <source>Open CSV/NPY…</source>
        <translation>打开 CSV/NPY…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="72"/>
        <source>Loads data (or a saved model) from a file for EM to fit.</source>
        <translation>从文件加载数据（或已保存的模型）供 EM 拟合。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="75"/>
        <source>The data EM is fitting.</source>
        <translation>EM 正在拟合的数据。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="78"/>
        <source>two features</source>
        <translation>两个特征</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="79"/>
        <source>principal components</source>
        <translation>主成分</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="80"/>
        <source>Shows two chosen features or the first two principal components; EM still fits in all dimensions.</source>
        <translation>显示两个选定的特征或前两个主成分；EM 仍在所有维度上拟合。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="83"/>
        <source>Feature on the horizontal axis (only the view changes, not EM).</source>
        <translation>水平轴上的特征（只改变视图，不影响 EM）。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="85"/>
        <source>Feature on the vertical axis (only the view changes, not EM).</source>
        <translation>垂直轴上的特征（只改变视图，不影响 EM）。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="89"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="90"/>
        <source>x axis</source>
        <translation>x 轴</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="91"/>
        <source>y axis</source>
        <translation>y 轴</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="95"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="96"/>
        <source>Points n</source>
        <translation>点数 n</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="98"/>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="100"/>
        <source>d</source>
        <translation>d</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="102"/>
        <source>Clusters</source>
        <translation>簇数</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="103"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
</context>
<context>
    <name>DisplayPanel</name>
    <message>
        <location filename="../../gui/panels/display.py" line="43"/>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../gui/panels/display.py" line="44"/>
        <source>Hard labels</source>
        <translation>硬标签</translation>
    </message>
    <message>
        <location filename="../../gui/panels/display.py" line="45"/>
        <source>Colours each point by its most responsible component instead of mixing colours by the E-step&apos;s responsibilities.</source>
        <translation>按响应度最大的分量为每个点着色，而不是按 E 步的响应度混合颜色。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/display.py" line="47"/>
        <source>3σ ellipses</source>
        <translation>3σ 椭圆</translation>
    </message>
    <message>
        <location filename="../../gui/panels/display.py" line="48"/>
        <source>Adds each component&apos;s 3-standard-deviation ellipse to the 1σ and 2σ ones the M-step updates.</source>
        <translation>在 M 步更新的 1σ 和 2σ 椭圆之外，再加上每个分量的 3 倍标准差椭圆。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/display.py" line="51"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../gui/panels/display.py" line="51"/>
        <source>contour lines</source>
        <translation>等高线</translation>
    </message>
    <message>
        <location filename="../../gui/panels/display.py" line="52"/>
        <source>heat map</source>
        <translation>热图</translation>
    </message>
    <message>
        <location filename="../../gui/panels/display.py" line="55"/>
        <source>Draws the density of the current mixture, the model EM is improving.</source>
        <translation>绘制当前混合模型（EM 正在改进的模型）的密度。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/display.py" line="59"/>
        <source>Density</source>
        <translation>密度</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <location filename="../../gui/views/explain_text.py" line="70"/>
        <source>Component {0}
weight π = {1}
mean μ = {2}
{3} = {4}</source>
        <translation>分量 {0}
权重 π = {1}
均值 μ = {2}
{3} = {4}</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain_text.py" line="100"/>
        <source>Point {0} at {1}</source>
        <translation>点 {0}，位置 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain_text.py" line="116"/>
        <source>sum over j: {0:.3g}; each r_k is its product divided by this sum</source>
        <translation>对 j 求和：{0:.3g}；r_k 为其乘积除以此和</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain_text.py" line="139"/>
        <source>locked: component {0} is frozen, its weight is kept</source>
        <translation>已锁定：分量 {0} 已冻结，保持其权重</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain_text.py" line="141"/>
        <source>locked: keep the weights equal, π = 1/K = {0}</source>
        <translation>已锁定：保持权重相等，π = 1/K = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain_text.py" line="144"/>
        <source>N_k / N = {0}, scaled to the weight the frozen components leave</source>
        <translation>N_k / N = {0}，按冻结分量留下的权重缩放</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain_text.py" line="150"/>
        <location filename="../../gui/views/explain_text.py" line="157"/>
        <source>locked: component {0} is frozen</source>
        <translation>已锁定：分量 {0} 已冻结</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain_text.py" line="159"/>
        <source>locked: covariances fixed at their starting values</source>
        <translation>已锁定：协方差固定为初始值</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain_text.py" line="161"/>
        <source>shared: the N_k-weighted mean of every component&apos;s, plus reg_covar</source>
        <translation>共享：各分量协方差按 N_k 加权的平均，再加 reg_covar</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain_text.py" line="175"/>
        <source>Stopped because |change| {0} &lt; tol {1} at iteration {2}: one step changed little, which does not prove the optimum is reached.</source>
        <translation>在第 {2} 次迭代时因 |变化量| {0} &lt; tol {1} 而停止：只是一步的变化很小，并不能证明已达到最优。</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain_text.py" line="180"/>
        <source>Stopped because max_iter {0} was reached (|change| {1}, tol {2}).</source>
        <translation>因达到 max_iter {0} 而停止（|变化量| {1}，tol {2}）。</translation>
    </message>
</context>
<context>
    <name>ExplainPanel</name>
    <message>
        <location filename="../../gui/views/explain.py" line="67"/>
        <source>The M-step&apos;s formulas with the numbers of the latest E-step, so one iteration can be checked by hand.</source>
        <translation>M 步的公式，代入最近一次 E 步的数值，便于手算核对一次迭代。</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="69"/>
        <location filename="../../gui/views/explain.py" line="210"/>
        <source>Hover a point to see its responsibilities.</source>
        <translation>将鼠标悬停在某个点上以查看其响应度。</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="62"/>
        <source>The component whose M-step is written out below.</source>
        <extracomment>The default: nothing locked. Width in pixels of a responsibility bar of 1, where the panel has room (at least ``MIN_BAR_PIXELS``). Arrow heads are this fraction of their arrow&apos;s length.</extracomment>
        <translation>下方写出其 M 步的分量。</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="76"/>
        <source>The E-step for the point under the cursor: its responsibilities r_k, the chance that component k made it, from the parameters the E-step used.</source>
        <translation>光标下的点的 E 步：它的响应度 r_k，即该点由分量 k 生成的概率，按 E 步所用的参数计算。</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="80"/>
        <source>Keep going (tol 0)</source>
        <translation>继续运行（tol 0）</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="81"/>
        <source>Runs EM on from the parameters on screen with tol 0, until you stop it (Esc or Space) or the log-likelihood changes by less than 1e-10.</source>
        <translation>以 tol 0 从屏幕上的参数接着运行 EM，直到你停止它（Esc 或空格键），或对数似然的变化小于 1e-10。</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="87"/>
        <source>Component</source>
        <translation>分量</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="151"/>
        <source>frozen: kept</source>
        <translation>已冻结：保持不变</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="153"/>
        <source>locked: 1/K = {0}</source>
        <translation>已锁定：1/K = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="155"/>
        <source>rescaled (frozen components)</source>
        <translation>已重新缩放（有冻结分量）</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="165"/>
        <source>No fit yet.</source>
        <translation>尚未拟合。</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="167"/>
        <source>Start: the initial parameters</source>
        <translation>起点：初始参数</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="168"/>
        <source>E-step: responsibilities from the parameters</source>
        <translation>E 步：由参数计算响应度</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="169"/>
        <source>M-step: parameters from the responsibilities</source>
        <translation>M 步：由响应度计算参数</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="170"/>
        <source>The best start&apos;s result</source>
        <translation>最佳起点的结果</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="172"/>
        <source>iteration {0}</source>
        <translation>第 {0} 次迭代</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="176"/>
        <source>From the latest E-step:</source>
        <translation>来自最近一次 E 步：</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="181"/>
        <source>Component {0}, before → after:</source>
        <translation>分量 {0}，更新前 → 更新后：</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="187"/>
        <source>(frozen: the M-step keeps the old mean)</source>
        <translation>（已冻结：M 步保留原均值）</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="189"/>
        <source>Press M to see the M-step&apos;s before → after.</source>
        <translation>按 M 查看 M 步的更新前 → 更新后。</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="191"/>
        <source>Mean log-likelihood (1/N) Σ log p(xᵢ) = {0}</source>
        <translation>平均对数似然 (1/N) Σ log p(xᵢ) = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="193"/>
        <source>change since the previous E-step: {0}</source>
        <translation>与上一次 E 步相比的变化：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="196"/>
        <source>Take an E-step (E) to see the numbers of the M-step&apos;s formulas.</source>
        <translation>执行一次 E 步（按 E），即可看到 M 步公式中的数值。</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="199"/>
        <source>This M-step re-seeded component {0}</source>
        <translation>本次 M 步重新初始化了分量 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="200"/>
        <source>This M-step re-seeded components {0}</source>
        <translation>本次 M 步重新初始化了分量 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="202"/>
        <source>it had collapsed (almost no responsibility, or a singular covariance),
so it starts again at a point EM explained worst, with the whole data&apos;s covariance.</source>
        <translation>它已坍缩（几乎没有响应度，或协方差奇异），
因此从 EM 解释得最差的点重新开始，使用整个数据的协方差。</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../gui/main/first_run.py" line="109"/>
        <source>Restore &amp;defaults</source>
        <translation>恢复默认设置(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/main/first_run.py" line="110"/>
        <source>Puts every setting back to its default, forgets the window&apos;s layout and shows the keys hint again.</source>
        <translation>将所有设置恢复为默认值，忘记窗口布局，并再次显示按键提示。</translation>
    </message>
    <message>
        <location filename="../../gui/main/first_run.py" line="128"/>
        <source>Every setting is back to its default.</source>
        <translation>所有设置已恢复为默认值。</translation>
    </message>
</context>
<context>
    <name>FitCriteria</name>
    <message>
        <location filename="../../gui/main/criteria.py" line="62"/>
        <source>BIC = -2 log L + p log N and AIC = -2 log L + 2 p of the mixture on the canvas (L its likelihood of the N points, p its free parameters), exactly as scikit-learn&apos;s bic() and aic(): lower is better. mclust&apos;s BIC is minus this.</source>
        <extracomment>Parameters on screen this long without an E-step&apos;s log-likelihood are scored in a job, in milliseconds.</extracomment>
        <translation>画布上混合模型的 BIC = -2 log L + p log N 和 AIC = -2 log L + 2 p（L 为其在 N 个点上的似然，p 为其自由参数个数），与 scikit-learn 的 bic() 和 aic() 完全相同：越低越好。mclust 的 BIC 是它的相反数。</translation>
    </message>
    <message>
        <location filename="../../gui/main/criteria.py" line="82"/>
        <source>BIC –  AIC –</source>
        <translation>BIC –  AIC –</translation>
    </message>
    <message>
        <location filename="../../gui/main/criteria.py" line="84"/>
        <source>BIC {0:.2f}  AIC {1:.2f}</source>
        <translation>BIC {0:.2f}  AIC {1:.2f}</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <location filename="../../gui/i18n/outside.py" line="31"/>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="32"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="33"/>
        <source>Visible Data Only</source>
        <translation>仅可见数据</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="34"/>
        <source>Auto Pan Only</source>
        <translation>仅自动平移</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="35"/>
        <source>Invert Axis</source>
        <translation>反转坐标轴</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="36"/>
        <source>Mouse Enabled</source>
        <translation>启用鼠标</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="37"/>
        <source>Link Axis:</source>
        <translation>链接坐标轴：</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <location filename="../../gui/i18n/outside.py" line="25"/>
        <source>Export...</source>
        <translation>导出...</translation>
    </message>
</context>
<context>
    <name>HistogramView</name>
    <message>
        <location filename="../../gui/views/histogram.py" line="94"/>
        <source>density</source>
        <extracomment>Points on the density curves. At most this many points are drawn in the rug (an evenly spaced subset of the view rows).</extracomment>
        <translation>密度</translation>
    </message>
</context>
<context>
    <name>ImageMode</name>
    <message>
        <location filename="../../gui/image/controller.py" line="174"/>
        <source>Open picture</source>
        <extracomment>Shortest time between two drawn previews, in milliseconds.</extracomment>
        <translation>打开图片</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="175"/>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="185"/>
        <source>Reading {0}...</source>
        <translation>正在读取 {0}...</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="200"/>
        <source>GMM Explorer - Image - {0}</source>
        <translation>GMM Explorer - 图像 - {0}</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="201"/>
        <source>{0}: {1} x {2} pixels. Press Segment.</source>
        <translation>{0}：{1} x {2} 像素。请按“分割”。</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="209"/>
        <source>Could not open the picture; nothing changed.</source>
        <translation>无法打开图片；未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="211"/>
        <source>Cannot open the picture</source>
        <translation>无法打开图片</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="217"/>
        <source>No picture</source>
        <translation>没有图片</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="217"/>
        <source>Open a picture first.</source>
        <translation>请先打开一张图片。</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="223"/>
        <source>Cannot segment</source>
        <translation>无法分割</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="231"/>
        <source>Waiting for the stopped segmentation to end (its robust start or its labelling of every pixel cannot be interrupted)...</source>
        <translation>正在等待已停止的分割结束（其稳健初始化和逐像素标注无法中断）...</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="242"/>
        <source>Starting: pixel features and a robust start...</source>
        <translation>正在开始：计算像素特征并进行稳健初始化...</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="262"/>
        <location filename="../../gui/image/controller.py" line="271"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="272"/>
        <source>Stopped at EM iteration {0}; the picture shows that iteration&apos;s segments.</source>
        <translation>已在 EM 第 {0} 次迭代停止；图片显示该次迭代的分割。</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="283"/>
        <source>EM iteration {0}, log-likelihood per pixel {1:.4f}</source>
        <translation>EM 第 {0} 次迭代，每像素对数似然 {1:.4f}</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="286"/>
        <source>EM starting from the robust initialisation...</source>
        <translation>EM 正从稳健初始化开始...</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="296"/>
        <source>Done: {0} segments, every pixel labelled (log-likelihood per pixel {1:.4f}).</source>
        <translation>完成：{0} 个区域，每个像素均已标注（每像素对数似然 {1:.4f}）。</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="302"/>
        <source>Segmentation failed</source>
        <translation>分割失败</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="361"/>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="361"/>
        <source>Model files (*.json)</source>
        <translation>模型文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="364"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="377"/>
        <location filename="../../gui/image/controller.py" line="400"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="388"/>
        <source>Writing {0}...</source>
        <translation>正在写入 {0}...</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="394"/>
        <source>Wrote {0}.</source>
        <translation>已写入 {0}。</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="399"/>
        <source>Nothing was written.</source>
        <translation>没有写入任何文件。</translation>
    </message>
</context>
<context>
    <name>ImageView</name>
    <message>
        <location filename="../../gui/image/window.py" line="96"/>
        <source>GMM Explorer - Image</source>
        <extracomment>The size the window opens at on a screen with room for it; smaller screens get what they have. The run keys: Space segments (or stops a running fit), Esc stops.</extracomment>
        <translation>GMM Explorer - 图像</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="120"/>
        <source>Number of segments K: the mixture&apos;s components.</source>
        <translation>区域数 K：混合模型的分量数。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="122"/>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="123"/>
        <source>CIE Lab</source>
        <translation>CIE Lab</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="124"/>
        <source>Colour features of a pixel: RGB scaled to [0, 1], or CIE Lab.</source>
        <translation>像素的颜色特征：缩放到 [0, 1] 的 RGB，或 CIE Lab。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="128"/>
        <source>Weight of the pixel&apos;s (x, y) position among its features; 0 uses colour only, larger values give more compact segments.</source>
        <translation>像素位置 (x, y) 在其特征中的权重；0 表示只用颜色，数值越大，分割出的区域越紧凑。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="133"/>
        <source>all pixels</source>
        <translation>全部像素</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="134"/>
        <source>Fit on this many random pixels (0: all pixels); every pixel is labelled at the end. Pictures above 1 megapixel start with a sample.</source>
        <translation>在这么多个随机像素上拟合（0：全部像素）；最后每个像素都会被标注。超过 100 万像素的图片先用样本开始。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="137"/>
        <source>Mean colour</source>
        <translation>平均颜色</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="137"/>
        <source>Palette</source>
        <translation>调色板</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="138"/>
        <source>Soft blend</source>
        <translation>柔和混合</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="140"/>
        <source>Paint each pixel with its segment&apos;s mean colour, a distinct palette colour, or a blend of the mean colours weighted by responsibility.</source>
        <translation>用所属区域的平均颜色、各不相同的调色板颜色，或按响应度加权混合的平均颜色绘制每个像素。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="143"/>
        <source>Segments (K)</source>
        <translation>区域数 (K)</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="144"/>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="145"/>
        <source>Spatial weight</source>
        <translation>空间权重</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="146"/>
        <source>Sample size</source>
        <translation>样本量</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="147"/>
        <source>Paint</source>
        <translation>着色</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="148"/>
        <source>Segment</source>
        <translation>分割</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="149"/>
        <source>Fit the mixture to the picture&apos;s pixels and label every pixel.</source>
        <translation>用混合模型拟合图片的像素，并标注每个像素。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="151"/>
        <location filename="../../gui/image/window.py" line="262"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="152"/>
        <source>Stop the running fit; the last preview stays shown.</source>
        <translation>停止正在运行的拟合；最后一次预览保留在屏幕上。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="160"/>
        <source>Working in the background: the window stays usable.</source>
        <translation>正在后台运行：窗口仍可使用。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="162"/>
        <source>Open a picture (File &gt; Open picture, or drop one here).</source>
        <translation>打开一张图片（文件 &gt; 打开图片，或拖放到这里）。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="164"/>
        <source>What the Image mode is doing.</source>
        <translation>图像模式正在做什么。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="165"/>
        <source>Segments (share of pixels)</source>
        <translation>区域（像素占比）</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="166"/>
        <source>Click a segment to show only it; click it again to show all.</source>
        <translation>单击某个区域只显示它；再次单击显示全部。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="168"/>
        <source>Each segment&apos;s colour and share of the picture&apos;s pixels. Click one to show only it (mask view); click it again to show all.</source>
        <translation>每个区域的颜色及其在图片像素中的占比。单击一个区域只显示它（掩码视图）；再次单击显示全部。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="199"/>
        <source>Left: the picture. Right: the segmentation, redrawn while EM runs. Click a segment to show only it; click it again to show all.</source>
        <translation>左：原图。右：分割结果，EM 运行时不断重绘。单击某个区域只显示它；再次单击显示全部。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="213"/>
        <source>The picture and its segmentation side by side; the slider below shows the original over the segmentation, at the same place.</source>
        <translation>图片及其分割结果并排显示；下方的滑块在同一位置将原图叠在分割结果上显示。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="211"/>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="212"/>
        <source>Colour space</source>
        <translation>颜色空间</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="215"/>
        <source>The pixels as points in colour space, with the components&apos; ellipses.</source>
        <translation>以颜色空间中的点表示的像素，以及各分量的椭圆。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="225"/>
        <source>&amp;Open picture...</source>
        <translation>打开图片(&amp;O)...</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="225"/>
        <source>Open a PNG, JPEG, BMP or TIFF picture.</source>
        <translation>打开 PNG、JPEG、BMP 或 TIFF 图片。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="228"/>
        <source>Export segmented &amp;picture...</source>
        <translation>导出分割后的图片(&amp;P)...</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="228"/>
        <source>Save the segmented picture as PNG.</source>
        <translation>将分割后的图片保存为 PNG。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="230"/>
        <source>Export &amp;label map...</source>
        <translation>导出标签图(&amp;L)...</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="231"/>
        <source>Save each pixel&apos;s segment index as a PNG and a .npy file.</source>
        <translation>将每个像素的区域编号保存为 PNG 和 .npy 文件。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="233"/>
        <source>Export &amp;masks...</source>
        <translation>导出掩码(&amp;M)...</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="233"/>
        <source>Save one black-and-white mask PNG per segment.</source>
        <translation>为每个区域保存一张黑白掩码 PNG。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="235"/>
        <source>Export &amp;model...</source>
        <translation>导出模型(&amp;M)...</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="236"/>
        <source>Save the fitted mixture as JSON, with the pixel features in its image block.</source>
        <translation>将拟合的混合模型保存为 JSON，像素特征记录在其中的图像信息块里。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="239"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="239"/>
        <source>Close the Image mode window.</source>
        <translation>关闭图像模式窗口。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="240"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="248"/>
        <source>&amp;Restore defaults</source>
        <translation>恢复默认设置(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="249"/>
        <source>Put every control of the Image window back to its default (K, features, spatial weight, paint, axes, split).</source>
        <translation>将图像窗口的所有控件恢复为默认值（K、特征、空间权重、绘制、坐标轴、分界线）。</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="252"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="259"/>
        <source>Segment or stop</source>
        <translation>分割或停止</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="330"/>
        <source>Segment {0}: {1:.1f} %</source>
        <translation>区域 {0}：{1:.1f} %</translation>
    </message>
</context>
<context>
    <name>KMeansView</name>
    <message>
        <location filename="../../gui/lessons/kmeans_view.py" line="32"/>
        <source>Lloyd&apos;s k-means</source>
        <translation>Lloyd 的 k-means</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/kmeans_view.py" line="36"/>
        <source>Lloyd&apos;s algorithm from EM&apos;s starting means, after as many iterations as EM on the canvas: points coloured by their nearest centre.</source>
        <translation>Lloyd 算法：从 EM 的初始均值出发，迭代次数与画布上的 EM 相同；各点按最近的中心着色。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/kmeans_view.py" line="44"/>
        <source>The largest distance between a mean of EM and the matching centre of Lloyd&apos;s algorithm.</source>
        <translation>EM 的均值与 Lloyd 算法对应中心之间的最大距离。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/kmeans_view.py" line="73"/>
        <source>After {0} iterations, EM&apos;s means are at most {1:.1e} from Lloyd&apos;s centres.</source>
        <translation>经过 {0} 次迭代后，EM 的均值与 Lloyd 的中心相差至多 {1:.1e}。</translation>
    </message>
</context>
<context>
    <name>KeysHint</name>
    <message>
        <location filename="../../gui/main/first_run.py" line="48"/>
        <source>&lt;b&gt;Space&lt;/b&gt; runs EM · &lt;b&gt;N&lt;/b&gt; one iteration · &lt;b&gt;E&lt;/b&gt; / &lt;b&gt;M&lt;/b&gt; a half-step · &lt;b&gt;R&lt;/b&gt; back to the start · drag a mean to move it · hover a point for its numbers</source>
        <extracomment>The hint&apos;s name in the settings. The demo&apos;s pace at the first launch, in milliseconds per iteration. The demo&apos;s start at the first launch.</extracomment>
        <translation>&lt;b&gt;空格键&lt;/b&gt; 运行 EM · &lt;b&gt;N&lt;/b&gt; 迭代一次 · &lt;b&gt;E&lt;/b&gt; / &lt;b&gt;M&lt;/b&gt; 走半步 · &lt;b&gt;R&lt;/b&gt; 回到起点 · 拖动均值可移动它 · 悬停在点上可查看其数值</translation>
    </message>
    <message>
        <location filename="../../gui/main/first_run.py" line="54"/>
        <source>Got it</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location filename="../../gui/main/first_run.py" line="55"/>
        <source>Hides this hint for good (View &gt; Restore defaults shows it again).</source>
        <translation>不再显示此提示（“视图 &gt; 恢复默认设置”可让它再次出现）。</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../gui/i18n/switching.py" line="212"/>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/switching.py" line="216"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/switching.py" line="217"/>
        <source>Follows the language of the system.</source>
        <translation>使用系统的语言。</translation>
    </message>
</context>
<context>
    <name>LessonDock</name>
    <message>
        <location filename="../../gui/lessons/dock.py" line="50"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="64"/>
        <source>Keep going (tol 0)</source>
        <translation>继续运行 (tol 0)</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="65"/>
        <source>Runs EM on from the parameters on screen with tol 0: all max iterations, however small the change.</source>
        <translation>从屏幕上的参数出发以 tol 0 继续运行 EM：无论变化多小，都运行到最大迭代次数。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="68"/>
        <source>reg_covar = {0:g}</source>
        <translation>reg_covar = {0:g}</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="69"/>
        <source>Adds reg_covar to every variance in the M-step (0 when off), and goes back to the start.</source>
        <translation>在 M 步中给每个方差加上 reg_covar（关闭时为 0），并回到起点。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="73"/>
        <source>Leave lesson</source>
        <translation>离开课程</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="74"/>
        <source>Ends the lesson and brings back your data, settings and view as they were.</source>
        <translation>结束课程，并恢复你原来的数据、设置和视图。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="76"/>
        <source>All lessons</source>
        <translation>所有课程</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="77"/>
        <source>Shows the list of lessons (the lesson stays open until you choose another or leave).</source>
        <translation>显示课程列表（在你选择另一课或离开之前，当前课程保持打开）。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="138"/>
        <source>Set up</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="138"/>
        <source>What to do</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="139"/>
        <source>What to notice</source>
        <translation>观察要点</translation>
    </message>
</context>
<context>
    <name>LessonGuide</name>
    <message>
        <location filename="../../gui/lessons/guide.py" line="120"/>
        <location filename="../../gui/lessons/guide.py" line="239"/>
        <source>{0}. {1}</source>
        <extracomment>The Lesson panel is made at least this wide when it shows (its text wraps in it). Its share of the height it has with the Explain panel; a lesson with a plot in its panel takes more.</extracomment>
        <translation>{0}. {1}</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/guide.py" line="129"/>
        <source>All lessons…</source>
        <translation>所有课程…</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/guide.py" line="130"/>
        <source>Shows the list of lessons in the Lesson panel.</source>
        <translation>在“课程”面板中显示课程列表。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/guide.py" line="133"/>
        <source>Leave lesson</source>
        <translation>离开课程</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/guide.py" line="134"/>
        <source>Ends the lesson and brings back your data, settings and view.</source>
        <translation>结束课程，并恢复你的数据、设置和视图。</translation>
    </message>
</context>
<context>
    <name>LessonList</name>
    <message>
        <location filename="../../gui/lessons/lesson_list.py" line="29"/>
        <source>The classic EM examples: each sets up its data, model, start and view in one click. Leaving a lesson brings back your own data and settings.</source>
        <extracomment>The item data role that holds a lesson&apos;s key.</extracomment>
        <translation>EM 的经典例子：每一课一键设置好数据、模型、起点和视图。离开课程后，你自己的数据和设置会恢复。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/lesson_list.py" line="32"/>
        <location filename="../../gui/lessons/lesson_list.py" line="58"/>
        <source>{0}. {1}</source>
        <translation>{0}. {1}</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/lesson_list.py" line="39"/>
        <source>What the selected lesson sets up.</source>
        <translation>所选课程设置的内容。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/lesson_list.py" line="42"/>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/lesson_list.py" line="43"/>
        <source>Sets up the selected lesson; your data and settings come back when you leave it.</source>
        <translation>设置所选课程；离开时你的数据和设置会恢复。</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="98"/>
        <source>Three blobs from the tutorial start</source>
        <extracomment>The translation context of every lesson text. a button that runs EM on from where it stopped, with tol 0 a switch between reg_covar 0 and ``setups.SINGULAR_REG_COVAR`` a small plot of Lloyd&apos;s k-means from the same centres, in step with EM</extracomment>
        <translation>从教程起点出发的三团数据</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="99"/>
        <source>EM starts as the textbooks do: three data points chosen at random as the means, identity covariances (the circles) and equal weights 1/3. Here all three start in the same blob.</source>
        <translation>EM 按教材的方式开始：随机选三个数据点作为均值，协方差取单位矩阵（图中的圆），权重均为 1/3。这里三个起点都落在同一团中。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="102"/>
        <source>Press E: the E-step colours each point by its responsibilities. Press M: the M-step moves the weights, means and ellipses. N does both; Space runs to the end.</source>
        <translation>按 E：E 步按响应度为每个点着色。按 M：M 步移动权重、均值和椭圆。按 N 两步都做；按空格键运行到结束。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="105"/>
        <source>The means leave the top blob one by one. After 15 iterations the weights are 0.27, 0.52 and 0.21 (the data were drawn with 0.3, 0.5 and 0.2). The log-likelihood in the plot below never goes down.</source>
        <translation>均值逐个离开上方那一团。15 次迭代后权重为 0.27、0.52 和 0.21（数据是按 0.3、0.5 和 0.2 抽取的）。下方图中的对数似然从不下降。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="112"/>
        <source>Two Gaussians in 1-D: tol stops EM early</source>
        <translation>一维两个高斯分布：tol 让 EM 过早停止</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="113"/>
        <source>The classic start: weights 0.5 and 0.5, means 0 and 1, variances 1. The 400 points were drawn with weights 0.25 and 0.75.</source>
        <translation>经典起点：权重 0.5 和 0.5，均值 0 和 1，方差 1。这 400 个点是按权重 0.25 和 0.75 抽取的。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="115"/>
        <source>Press Space. Then press Keep going: EM goes on from where it stopped, with tol 0 (all 100 iterations).</source>
        <translation>按空格键。然后按“继续运行”：EM 从停下的地方以 tol 0 继续（运行全部 100 次迭代）。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="117"/>
        <source>With tol = 0.001 EM stops after 6 iterations at weights 0.51 and 0.49: it stops when the log-likelihood changes by less than tol, not when it is near the answer. Keep going reaches weights 0.25 and 0.75, means -2.04 and 0.91. Setting tol to 0 and pressing Space from the start gets there too.</source>
        <translation>tol = 0.001 时，EM 在 6 次迭代后停在权重 0.51 和 0.49：它在对数似然的变化小于 tol 时停止，而不是在接近答案时停止。继续运行会到达权重 0.25 和 0.75、均值 -2.04 和 0.91。把 tol 设为 0 并从起点按空格键也能到达那里。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="126"/>
        <source>Four clusters with a known covariance</source>
        <translation>协方差已知的四个簇</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="127"/>
        <source>Four clusters that share the covariance 30 I. When the covariance is known, only the means and weights are left to estimate: the covariances are locked at 30 I (Model panel: Covariances fixed).</source>
        <translation>四个簇共享协方差 30 I。协方差已知时，只剩均值和权重需要估计：协方差锁定为 30 I（模型面板：协方差固定）。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="130"/>
        <source>Press N a few times, then Space.</source>
        <translation>按几次 N，然后按空格键。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="131"/>
        <source>The circles keep their size; only the means and weights move. After 11 iterations the means are near the true (5, 35), (30, 40), (20, 20) and (45, 15), with weights 0.11, 0.19, 0.32 and 0.38 (drawn with 0.1, 0.2, 0.3 and 0.4).</source>
        <translation>圆的大小保持不变；只有均值和权重在移动。11 次迭代后，均值接近真实的 (5, 35)、(30, 40)、(20, 20) 和 (45, 15)，权重为 0.11、0.19、0.32 和 0.38（抽样时为 0.1、0.2、0.3 和 0.4）。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="139"/>
        <source>EM and k-means</source>
        <translation>EM 与 k-means</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="140"/>
        <source>Equal weights and every covariance fixed at a tiny circle (variance 0.00001): each responsibility is 0 or 1, and EM becomes Lloyd&apos;s k-means. The canvas shows EM, the small plot Lloyd&apos;s algorithm from the same centres.</source>
        <translation>权重相等，每个协方差都固定为一个极小的圆（方差 0.00001）：每个响应度都是 0 或 1，EM 就变成了 Lloyd 的 k-means。画布显示 EM，小图显示从相同中心出发的 Lloyd 算法。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="144"/>
        <source>Press N and compare the two pictures; Space runs on.</source>
        <translation>按 N 并比较两幅图；按空格键继续运行。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="145"/>
        <source>The E-step gives each point to its nearest mean, the M-step moves each mean to the average of its points: Lloyd&apos;s two steps. After every iteration the means agree to rounding (see under the plot).</source>
        <translation>E 步把每个点分给最近的均值，M 步把每个均值移到其所属点的平均位置：正是 Lloyd 算法的两步。每次迭代后，两者的均值在舍入误差内一致（见图下方）。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="153"/>
        <source>Local optima</source>
        <translation>局部最优</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="154"/>
        <source>The same model (K = 4, tutorial start) from eight starts on the same data. The strip under the Explain panel shows each start&apos;s final mean log-likelihood; EM keeps the highest.</source>
        <translation>同一个模型（K = 4，教程起点）在同一数据上从八个起点出发。解释面板下方的条带显示每个起点最终的平均对数似然；EM 保留最高的那个。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="157"/>
        <source>Press Space and wait for the eight starts. Click a point in the strip to see that start&apos;s fit.</source>
        <translation>按空格键并等待八个起点运行完。单击条带中的点可查看该起点的拟合结果。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="159"/>
        <source>The starts end at four levels: about -4.8, -4.6, -4.4 and -4.2. The lower ones are local optima, where one component covers two clusters while two share another. Several starts (n_init) guard against them.</source>
        <translation>各起点最终停在四个水平：约 -4.8、-4.6、-4.4 和 -4.2。较低的是局部最优：一个分量覆盖了两个簇，而另两个分量共用一个簇。多次初始化 (n_init) 可以防范这种情况。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="166"/>
        <source>Singularities</source>
        <translation>奇异性</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="167"/>
        <source>Three components fit the three blobs; a fourth, small one (variance 0.5) starts on a single point at the edge. reg_covar is 0.</source>
        <translation>三个分量拟合三团数据；第四个较小的分量（方差 0.5）从边缘的单个点开始。reg_covar 为 0。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="169"/>
        <source>Press Space (EM waits half a second per iteration). Then switch reg_covar on below and press Space again.</source>
        <translation>按空格键（EM 每次迭代等待半秒）。然后打开下方的 reg_covar，再按一次空格键。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="171"/>
        <source>The fourth circle shrinks onto its point and the log-likelihood climbs faster and faster: a Gaussian on one point has no bound on its density. At iteration 8 its variance is zero up to rounding, and EM re-seeds it at the worst-explained point (the status bar says so; a cross marks it in the plot). With reg_covar = 0.01 the variance cannot fall below 0.01 and the log-likelihood levels off.</source>
        <translation>第四个圆收缩到它的那个点上，对数似然越涨越快：落在单个点上的高斯分布，其密度没有上界。第 8 次迭代时它的方差在舍入误差内为零，EM 把它重新初始化到解释得最差的点（状态栏会提示；图中用叉号标出）。当 reg_covar = 0.01 时，方差不会低于 0.01，对数似然趋于平稳。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="182"/>
        <source>Two coins (Do and Batzoglou)</source>
        <translation>两枚硬币（Do 和 Batzoglou）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="183"/>
        <source>Five sets of 10 tosses, each made with coin A or coin B, picked with probability 1/2; which coin made which set is hidden. Start: θA = 0.6, θB = 0.5.</source>
        <translation>五组各 10 次抛掷，每组由硬币 A 或硬币 B 抛出，各以 1/2 的概率选中；哪组由哪枚硬币抛出是隐藏的。起点：θA = 0.6，θB = 0.5。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="186"/>
        <source>Press E: the table gives each coin&apos;s responsibility r for each set and the heads H and tails T credited to it. Press M: θ = H / (H + T) for each coin. N does both; Space runs to the end.</source>
        <translation>按 E：表格给出每枚硬币对每组的响应度 r，以及分配给它的正面数 H 和反面数 T。按 M：每枚硬币 θ = H / (H + T)。按 N 两步都做；按空格键运行到结束。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="189"/>
        <source>After one iteration θA = 0.71 and θB = 0.58, after ten 0.80 and 0.52. Knowing the coins (B, A, A, B, A) would give 0.80 and 0.45: the star. EM&apos;s path climbs the log-likelihood contours.</source>
        <translation>一次迭代后 θA = 0.71、θB = 0.58，十次后为 0.80 和 0.52。如果知道硬币依次是 (B, A, A, B, A)，则得 0.80 和 0.45：即图中的星号。EM 的路径沿对数似然等高线向上攀升。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="197"/>
        <source>Three coins (Li Hang)</source>
        <translation>三硬币模型（李航）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="198"/>
        <source>Coin A picks coin B with probability π, else coin C; B shows heads with probability p, C with q. Only the ten results of B or C are seen: 1, 1, 0, 1, 0, 0, 1, 0, 1, 1.</source>
        <translation>硬币 A 以概率 π 选择硬币 B，否则选择硬币 C；B 正面朝上的概率为 p，C 为 q。只能看到 B 或 C 的十次结果：1, 1, 0, 1, 0, 0, 1, 0, 1, 1。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="201"/>
        <source>Press N, then Space. Then choose the other start (beside the plane) and do it again.</source>
        <translation>按 N，然后按空格键。再选择另一个起点（在平面旁边），重做一遍。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="203"/>
        <source>From (π, p, q) = (0.5, 0.5, 0.5) EM ends at (0.5, 0.6, 0.6); from (0.4, 0.6, 0.7) at (0.4064, 0.5368, 0.6432). Both have the same likelihood: every (p, q) with π p + (1 - π) q = 0.6 is a maximum (the straight contours), so the answer depends on the start.</source>
        <translation>从 (π, p, q) = (0.5, 0.5, 0.5) 出发，EM 停在 (0.5, 0.6, 0.6)；从 (0.4, 0.6, 0.7) 出发则停在 (0.4064, 0.5368, 0.6432)。两者的似然相同：凡满足 π p + (1 - π) q = 0.6 的 (p, q) 都是极大值点（等高线是直线），所以答案取决于起点。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main/actions.py" line="43"/>
        <source>&amp;Open data or model…</source>
        <translation>打开数据或模型(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="43"/>
        <source>Loads a CSV or NPY data set for EM to fit, or a JSON model to start from.</source>
        <translation>加载 CSV 或 NPY 数据集供 EM 拟合，或加载 JSON 模型作为起点。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="46"/>
        <source>Open &amp;model…</source>
        <translation>打开模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="46"/>
        <source>Loads a JSON model: it is shown on the data and Run continues EM from it.</source>
        <translation>加载 JSON 模型：它会显示在数据上，运行时 EM 从它继续。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="48"/>
        <source>Open &amp;picture…</source>
        <translation>打开图片(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="48"/>
        <source>Opens a PNG, JPEG, BMP or TIFF picture in Image mode, to segment it by colour.</source>
        <translation>在图像模式中打开 PNG、JPEG、BMP 或 TIFF 图片，按颜色进行分割。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="50"/>
        <source>&amp;Export model…</source>
        <translation>导出模型(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="50"/>
        <source>Saves the current parameters (weights, means, covariances) as a JSON model.</source>
        <translation>将当前参数（权重、均值、协方差）保存为 JSON 模型。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="53"/>
        <source>Export &amp;labels and responsibilities…</source>
        <translation>导出标签和响应度(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="53"/>
        <source>Saves each point&apos;s most likely component and its responsibilities under the current parameters as CSV.</source>
        <translation>将每个点在当前参数下最可能的分量及其响应度保存为 CSV。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="56"/>
        <source>Save canvas as &amp;PNG…</source>
        <translation>将画布保存为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="56"/>
        <source>Saves the picture of the data and the mixture as a PNG image.</source>
        <translation>将数据和混合模型的图保存为 PNG 图像。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="58"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="58"/>
        <source>Stops EM and closes the window.</source>
        <translation>停止 EM 并关闭窗口。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="60"/>
        <location filename="../../gui/main/actions.py" line="168"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="60"/>
        <source>Runs EM iteration after iteration, or pauses it where it is.</source>
        <translation>一次接一次地迭代运行 EM，或在当前位置暂停。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="62"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="62"/>
        <source>Stops EM after the current half-step; the last parameters stay on screen.</source>
        <translation>在当前半步之后停止 EM；最后的参数保留在屏幕上。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="64"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="64"/>
        <source>Runs EM to the end of the next iteration (E-step then M-step) and pauses.</source>
        <translation>运行 EM 到下一次迭代结束（先 E 步再 M 步）并暂停。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="66"/>
        <source>E-step</source>
        <translation>E 步</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="66"/>
        <source>Runs EM up to its next E-step: new responsibilities (colours) and log-likelihood, same parameters.</source>
        <translation>运行 EM 到下一次 E 步：新的响应度（颜色）和对数似然，参数不变。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="69"/>
        <source>M-step</source>
        <translation>M 步</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="69"/>
        <source>Runs EM up to its next M-step: new weights, means and covariances from the responsibilities.</source>
        <translation>运行 EM 到下一次 M 步：由响应度得到新的权重、均值和协方差。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="71"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="71"/>
        <source>Goes back to EM&apos;s starting parameters for the current settings and pauses there.</source>
        <translation>回到当前设置下 EM 的初始参数并在那里暂停。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="73"/>
        <source>Show &amp;all points</source>
        <translation>显示全部点(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="73"/>
        <source>Zooms the view out to all the points (EM is not affected).</source>
        <translation>缩放视图以显示全部点（不影响 EM）。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="75"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="75"/>
        <source>Lists the keys that drive EM.</source>
        <translation>列出控制 EM 的按键。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="77"/>
        <source>&amp;About GMM Explorer</source>
        <translation>关于 GMM Explorer(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="77"/>
        <source>What this program is.</source>
        <translation>这个程序是什么。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="78"/>
        <source>&amp;Lessons…</source>
        <translation>课程(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="78"/>
        <source>Lists the lessons: the classic EM examples, each set up with one click.</source>
        <translation>列出课程：EM 的经典例子，每一课一键设置好。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="84"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="86"/>
        <source>Undoes the latest edit of the data (painting, erasing, clearing).</source>
        <translation>撤销最近一次对数据的编辑（绘制、擦除、清除）。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="87"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="89"/>
        <source>Does again the edit of the data that was undone.</source>
        <translation>重做被撤销的数据编辑。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="90"/>
        <source>Export &amp;data as CSV…</source>
        <translation>将数据导出为 CSV(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="90"/>
        <source>Saves the points (and their true classes, if they have any) as a CSV file.</source>
        <translation>将数据点（以及它们的真实类别，如果有）保存为 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="92"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="96"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="104"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="108"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="115"/>
        <source>&amp;View</source>
        <extracomment>Actions of other modules with shortcuts, listed by Help &gt; Keyboard shortcuts after the window&apos;s own.</extracomment>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="118"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="119"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="149"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="154"/>
        <source>Open data or model</source>
        <translation>打开数据或模型</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="155"/>
        <source>Data or model (*.csv *.txt *.tsv *.npy *.json);;Data (*.csv *.txt *.tsv *.npy);;Model (*.json);;Picture, opens in Image mode (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;All files (*)</source>
        <translation>数据或模型 (*.csv *.txt *.tsv *.npy *.json);;数据 (*.csv *.txt *.tsv *.npy);;模型 (*.json);;图片，在图像模式中打开 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="160"/>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="160"/>
        <source>Model (*.json);;All files (*)</source>
        <translation>模型 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="163"/>
        <source>About GMM Explorer</source>
        <translation>关于 GMM Explorer</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="163"/>
        <source>GMM Explorer fits Gaussian mixture models with expectation-maximisation and shows every step.</source>
        <translation>GMM Explorer 用期望最大化（EM）算法拟合高斯混合模型，并展示每一步。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="168"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="176"/>
        <source>Whether EM is running, paused, converged or stopped.</source>
        <translation>EM 正在运行、已暂停、已收敛还是已停止。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="177"/>
        <source>The EM iteration and half-step (E or M) on screen.</source>
        <translation>屏幕上显示的 EM 迭代次数和半步（E 或 M）。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="178"/>
        <source>Mean log-likelihood per point after the latest E-step: EM never lowers it.</source>
        <translation>最近一次 E 步之后每个点的平均对数似然：EM 从不降低它。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="179"/>
        <source>Change of the mean log-likelihood in the latest iteration; EM stops when it is below tol.</source>
        <translation>最近一次迭代中平均对数似然的变化；低于 tol 时 EM 停止。</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="180"/>
        <source>Compute time of one EM iteration, without the speed delay.</source>
        <translation>EM 一次迭代的计算时间，不含速度延迟。</translation>
    </message>
    <message>
        <location filename="../../gui/main/window.py" line="176"/>
        <source>Explain</source>
        <translation>解释</translation>
    </message>
    <message>
        <location filename="../../gui/main/window.py" line="192"/>
        <source>Formulas</source>
        <translation>公式</translation>
    </message>
    <message>
        <location filename="../../gui/main/window.py" line="193"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../gui/main/window.py" line="195"/>
        <source>Formulas: the current half-step&apos;s formulas with their numbers, and the responsibilities of the point under the cursor. Parameters: the mixture on screen as a table.</source>
        <translation>公式：当前半步的公式及其数值，以及光标下的点的响应度。参数：以表格列出屏幕上的混合模型。</translation>
    </message>
    <message>
        <location filename="../../gui/main/window.py" line="351"/>
        <source>Loaded: {0}</source>
        <extracomment>Every control as it is before saved settings are restored: what View &gt; Restore defaults brings back.</extracomment>
        <translation>已加载：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/main/window.py" line="200"/>
        <source>Show or hide the Explain panel with the formulas of the latest half-step.</source>
        <translation>显示或隐藏“解释”面板，其中有最近半步的公式。</translation>
    </message>
</context>
<context>
    <name>ModelPanel</name>
    <message>
        <location filename="../../gui/panels/model.py" line="48"/>
        <source>Model</source>
        <extracomment>Most components the window fits and shows. The palette (``engine.palette``) gives any K distinct colours, and the legend, the Explain panel and the Frozen list scroll; beyond 100 colours are hard to tell apart. ``seed`` spin box value that means &quot;no seed&quot; (fresh entropy every run).</extracomment>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="52"/>
        <source>K, the number of Gaussian components EM fits to the data (at most {0}).</source>
        <translation>K：EM 对数据拟合的高斯分量个数（最多 {0} 个）。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="57"/>
        <source>Shape each component&apos;s covariance may take in the M-step: any ellipse, one shared ellipse, axis-aligned, or a circle.</source>
        <translation>M 步中每个分量的协方差可取的形状：任意椭圆、一个共享的椭圆、与坐标轴对齐的椭圆，或圆。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="61"/>
        <source>EM stops when the mean log-likelihood changes by less than this in an iteration (0 runs all max iterations).</source>
        <translation>当一次迭代中平均对数似然的变化小于此值时 EM 停止（0 表示运行全部最大迭代次数）。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="66"/>
        <source>EM stops after this many iterations even if it has not converged.</source>
        <translation>即使尚未收敛，EM 在这么多次迭代后也会停止。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="68"/>
        <source>k-means++</source>
        <translation>k-means++</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="68"/>
        <source>k-means</source>
        <translation>k-means</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="69"/>
        <source>random responsibilities</source>
        <translation>随机响应度</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="70"/>
        <source>random data points</source>
        <translation>随机数据点</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="71"/>
        <source>tutorial (data points, identity covariances)</source>
        <translation>教程（数据点，单位协方差）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="72"/>
        <source>given (loaded model or by hand)</source>
        <translation>给定（已加载的模型或手动放置）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="75"/>
        <source>How EM chooses its starting parameters; &apos;tutorial&apos; is the textbooks&apos; start (K random data points as means, identity covariances, equal weights); &apos;given&apos; starts from the loaded model or from the components placed on the canvas by hand.</source>
        <translation>EM 如何选择初始参数；“教程”是教材中的起点（随机取 K 个数据点作为均值，单位协方差，权重相等）；“给定”从已加载的模型或在画布上手动放置的分量开始。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="82"/>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="83"/>
        <source>Seed of EM&apos;s random start: the same seed gives the same fit; &apos;random&apos; gives a new start every run.</source>
        <translation>EM 随机起点的种子：相同的种子给出相同的拟合；“随机”每次运行都给出新的起点。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="87"/>
        <source>Added to every covariance&apos;s diagonal in the M-step, so no component can collapse onto a single point.</source>
        <translation>在 M 步中加到每个协方差的对角线上，使任何分量都不会坍缩到单个点上。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="91"/>
        <source>EM runs from this many starts and keeps the one with the highest log-likelihood.</source>
        <translation>EM 从这么多个起点运行，保留对数似然最高的那个。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="93"/>
        <source>Keep the weights equal</source>
        <translation>保持权重相等</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="94"/>
        <source>Every weight stays 1/K in every M-step (with small fixed round covariances, EM then behaves like k-means).</source>
        <translation>每次 M 步中每个权重都保持为 1/K（再配上小的固定圆形协方差，EM 的行为就像 k-means）。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="97"/>
        <source>free</source>
        <translation>自由</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="97"/>
        <source>fixed (as started)</source>
        <translation>固定（保持初始值）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="98"/>
        <source>shared by all</source>
        <translation>所有分量共享</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="101"/>
        <source>Free: the M-step updates each covariance. Fixed: covariances keep their starting values. Shared: one covariance for all components, their responsibility-weighted mean.</source>
        <translation>自由：M 步更新每个协方差。固定：协方差保持初始值。共享：所有分量使用同一个协方差，即它们按响应度加权的平均。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="109"/>
        <source>Checked components are frozen: EM keeps their weight, mean and covariance as they started.</source>
        <translation>勾选的分量被冻结：EM 保持它们初始的权重、均值和协方差不变。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="124"/>
        <source>Components K</source>
        <translation>分量数 K</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="125"/>
        <source>Covariance</source>
        <translation>协方差</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="126"/>
        <source>tol</source>
        <translation>tol</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="127"/>
        <source>Max iterations</source>
        <translation>最大迭代次数</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="128"/>
        <source>Initialisation</source>
        <translation>初始化</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="129"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="130"/>
        <source>reg_covar</source>
        <translation>reg_covar</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="131"/>
        <source>Starts n_init</source>
        <translation>起点数 n_init</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="132"/>
        <source>Locks</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="133"/>
        <source>Covariances</source>
        <translation>协方差</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="134"/>
        <source>Frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="149"/>
        <source>Freeze component {0}: EM does not move it.</source>
        <translation>冻结分量 {0}：EM 不移动它。</translation>
    </message>
</context>
<context>
    <name>PaintPanel</name>
    <message>
        <location filename="../../gui/views/paint.py" line="37"/>
        <source>Paint</source>
        <extracomment>Seed of the brush&apos;s random generator (the same strokes give the same points).</extracomment>
        <translation>绘制</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="38"/>
        <source>Paint points</source>
        <translation>绘制数据点</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="39"/>
        <source>On: dragging on the canvas sprays points (or erases them) instead of moving the view or the components.</source>
        <translation>开启时：在画布上拖动会喷出数据点（或擦除它们），而不是移动视图或分量。</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="41"/>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="42"/>
        <source>The brush removes the points under it instead of adding points.</source>
        <translation>画笔移除其下方的点，而不是添加点。</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="45"/>
        <source>The true class painted points carry, as the labels of generated data do (exported with the data).</source>
        <translation>绘制的点所带的真实类别，与生成数据的标签相同（随数据一起导出）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="50"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="51"/>
        <source>The brush&apos;s radius on screen: points are drawn from a Gaussian whose standard deviation is half of it; the eraser removes points within it.</source>
        <translation>画笔在屏幕上的半径：点从标准差为半径一半的高斯分布中抽取；橡皮擦移除半径内的点。</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="56"/>
        <source>Points sprayed each time the mouse moves while painting.</source>
        <translation>绘制时鼠标每移动一次喷出的点数。</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="57"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="58"/>
        <source>Removes every point (Ctrl+Z brings them back).</source>
        <translation>移除所有点（Ctrl+Z 可恢复）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="62"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="63"/>
        <source>Radius</source>
        <translation>半径</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="64"/>
        <source>Density</source>
        <translation>密度</translation>
    </message>
</context>
<context>
    <name>ParametersTable</name>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="49"/>
        <source>The parameters on screen; Ctrl+C or the context menu copies the table as tab-separated text.</source>
        <translation>屏幕上的参数；按 Ctrl+C 或使用右键菜单，可将表格复制为制表符分隔的文本。</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="53"/>
        <source>Log-likelihood of the latest E-step; BIC = -2 L + p log N and AIC = -2 L + 2 p (lower is better), as scikit-learn computes them.</source>
        <translation>最近一次 E 步的对数似然；BIC = -2 L + p log N，AIC = -2 L + 2 p（越小越好），与 scikit-learn 的算法相同。</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="55"/>
        <source>Copy the table</source>
        <translation>复制表格</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="72"/>
        <source>No fit yet.</source>
        <translation>尚未拟合。</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="80"/>
        <source>sigma</source>
        <translation>标准差 σ</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="80"/>
        <source>covariance</source>
        <translation>协方差</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="81"/>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="81"/>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="97"/>
        <source>Log-likelihood, BIC and AIC follow the first E-step.</source>
        <translation>第一次 E 步之后显示对数似然、BIC 和 AIC。</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="100"/>
        <source>log-likelihood</source>
        <translation>对数似然</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="101"/>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="102"/>
        <source>AIC</source>
        <translation>AIC</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="104"/>
        <source>(of the parameters the latest E-step used)</source>
        <translation>（基于最近一次 E 步所用的参数）</translation>
    </message>
</context>
<context>
    <name>Projection</name>
    <message>
        <location filename="../../gui/views/projection.py" line="123"/>
        <source>PC{0} ({1}% of the variance)</source>
        <extracomment>PCA directions are estimated from at most this many rows (a fixed, evenly spaced subset).</extracomment>
        <translation>PC{0}（方差的 {1}%）</translation>
    </message>
</context>
<context>
    <name>RestartsStrip</name>
    <message>
        <location filename="../../gui/views/restarts.py" line="81"/>
        <source>start</source>
        <extracomment>A click this close to a point (in pixels) picks it.</extracomment>
        <translation>起点</translation>
    </message>
    <message>
        <location filename="../../gui/views/restarts.py" line="82"/>
        <source>final log-lik.</source>
        <translation>最终对数似然</translation>
    </message>
    <message>
        <location filename="../../gui/views/restarts.py" line="84"/>
        <source>Each start&apos;s final mean log-likelihood (n_init &gt; 1): EM keeps the highest. Click a point to see that start&apos;s fit.</source>
        <translation>每个起点最终的平均对数似然 (n_init &gt; 1)：EM 保留最高的那个。单击一个点可查看该起点的拟合结果。</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <location filename="../../gui/panels/run.py" line="43"/>
        <source>Run</source>
        <extracomment>Longest delay the speed slider offers, in milliseconds per iteration.</extracomment>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../gui/panels/run.py" line="56"/>
        <source>Waits this long after every EM iteration so you can watch the fit; EM itself is not changed.</source>
        <translation>每次 EM 迭代后等待这么长时间，便于观察拟合过程；EM 本身不受影响。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/run.py" line="62"/>
        <source>Delay</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location filename="../../gui/panels/run.py" line="72"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/panels/run.py" line="72"/>
        <source>%n ms/iter</source>
        <translation>
            <numerusform>%n 毫秒/次</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../gui/main/status.py" line="22"/>
        <source>converged</source>
        <translation>已收敛</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="23"/>
        <source>max iterations reached</source>
        <translation>已达最大迭代次数</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="23"/>
        <location filename="../../gui/main/status.py" line="29"/>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="25"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="26"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="27"/>
        <source>stepping</source>
        <translation>单步执行中</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="28"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="30"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="31"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="41"/>
        <source>start: initial parameters</source>
        <translation>起点：初始参数</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="43"/>
        <source>iteration {0} ({1})</source>
        <translation>第 {0} 次迭代（{1}）</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="45"/>
        <source>mean log-lik. {0:.6f}</source>
        <translation>平均对数似然 {0:.6f}</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="47"/>
        <source>change {0:.2e}</source>
        <translation>变化 {0:.2e}</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="49"/>
        <source>{0:.1f} ms/iter</source>
        <translation>{0:.1f} 毫秒/次</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="61"/>
        <source>Component {0} collapsed and was re-seeded at iteration {1}</source>
        <translation>分量 {0} 已坍缩，并在第 {1} 次迭代时重新初始化</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="63"/>
        <source>Components {0} collapsed and were re-seeded at iteration {1}</source>
        <translation>分量 {0} 已坍缩，并在第 {1} 次迭代时重新初始化</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="65"/>
        <source> of start {0}</source>
        <translation>（第 {0} 个起点）</translation>
    </message>
</context>
<context>
    <name>ViewBox</name>
    <message>
        <location filename="../../gui/i18n/outside.py" line="26"/>
        <source>ViewBox options</source>
        <translation>ViewBox 选项</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="27"/>
        <source>View All</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="28"/>
        <source>Mouse Mode</source>
        <translation>鼠标模式</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="29"/>
        <source>3 button</source>
        <translation>三键</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="30"/>
        <source>1 button</source>
        <translation>单键</translation>
    </message>
</context>
<context>
    <name>engine_errors</name>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="49"/>
        <source>{path}: no such file; check the path.</source>
        <extracomment>The end of every message about a bad value in a data file. Where a bad cell of a text file is: its file, line, column name (quoted as the engine quotes it) and number. How the engine starts every message about a .npy file that is not one. The end of the messages about a .npy file that must be saved again.</extracomment>
        <translation>{path}：文件不存在；请检查路径。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="51"/>
        <source>{path} is a folder, not a data file; choose a CSV/text or .npy file.</source>
        <translation>{path} 是一个文件夹，不是数据文件；请选择 CSV/文本文件或 .npy 文件。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="54"/>
        <source>{path} is not a regular file (a device or a pipe?); choose a CSV/text or .npy file.</source>
        <translation>{path} 不是普通文件（是设备还是管道？）；请选择 CSV/文本文件或 .npy 文件。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="57"/>
        <source>cannot read the data file {path}: {path_problem}; choose another name.</source>
        <translation>无法读取数据文件 {path}：{path_problem}；请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="60"/>
        <source>cannot read {path}: {reason}; check the file&apos;s permissions.</source>
        <translation>无法读取 {path}：{reason}；请检查文件的权限。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="62"/>
        <source>{name} is not valid UTF-16 text; save it as UTF-8 CSV.</source>
        <translation>{name} 不是有效的 UTF-16 文本；请将其另存为 UTF-8 CSV。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="64"/>
        <source>{name} is not a text file (it holds binary data); choose a CSV/text or .npy file.</source>
        <translation>{name} 不是文本文件（其中含有二进制数据）；请选择 CSV/文本文件或 .npy 文件。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="67"/>
        <source>{name} is not UTF-8 text (bad byte at position {position}); save it as UTF-8 CSV.</source>
        <translation>{name} 不是 UTF-8 文本（位置 {position} 处的字节无效）；请将其另存为 UTF-8 CSV。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="70"/>
        <source>{name} is empty; choose a file with data.</source>
        <translation>{name} 是空文件；请选择一个含有数据的文件。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="72"/>
        <source>{name} has a header but no data rows; add rows of numbers below the header.</source>
        <translation>{name} 有表头但没有数据行；请在表头下方添加数值行。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="77"/>
        <source>{name} line {line}, column {column}: a field of more than {limit} characters, most likely from a quote that is never closed; check the quotes from that line on (a value must be a number).</source>
        <translation>{name} 第 {line} 行，列 {column}：有一个超过 {limit} 个字符的字段，很可能是某个引号没有闭合；请从该行起检查引号（每个值都必须是数字）。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="82"/>
        <source>{name} line {line} has {count} field(s) but line {first} has {expected} field(s); every row must have the same number of fields.</source>
        <translation>{name} 第 {line} 行有 {count} 个字段，但第 {first} 行有 {expected} 个字段；每一行的字段数必须相同。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="86"/>
        <source>{name} line {line}, column {column} ({index}): the value is missing; fix the file or use --drop-invalid to skip such rows.</source>
        <translation>{name} 第 {line} 行，列 {column}（第 {index} 列）：缺少数值；请修正文件，或使用 --drop-invalid 跳过这样的行。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="89"/>
        <source>{name} line {line}, column {column} ({index}): {value} is not a number; fix the file or use --drop-invalid to skip such rows.</source>
        <translation>{name} 第 {line} 行，列 {column}（第 {index} 列）：{value} 不是数字；请修正文件，或使用 --drop-invalid 跳过这样的行。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="92"/>
        <source>{name} line {line}, column {column} ({index}): {value} is not a finite number; fix the file or use --drop-invalid to skip such rows.</source>
        <translation>{name} 第 {line} 行，列 {column}（第 {index} 列）：{value} 不是有限的数字；请修正文件，或使用 --drop-invalid 跳过这样的行。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="97"/>
        <source>{name} row {row}, column {column} ({index}): {value} is not a finite number; fix the file or use --drop-invalid to skip such rows.</source>
        <translation>{name} 第 {row} 行，列 {column}（第 {index} 列）：{value} 不是有限的数字；请修正文件，或使用 --drop-invalid 跳过这样的行。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="102"/>
        <source>{name}: all {count} rows have missing, non-numeric or non-finite values, so nothing is left; check the file and the columns chosen.</source>
        <translation>{name}：全部 {count} 行都有缺失、非数值或非有限的值，因此没有剩下任何数据；请检查文件和所选的列。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="107"/>
        <source>{name} line {line}, column &apos;label&apos;: the true label is missing; fill it in, use --drop-invalid to skip such rows, or choose the feature columns with --columns.</source>
        <translation>{name} 第 {line} 行，列 &apos;label&apos;：缺少真实标签；请补上标签，或使用 --drop-invalid 跳过这样的行，或用 --columns 选择特征列。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="111"/>
        <source>{name} holds {dtype} values, not numbers; save a numeric (integer or float) array.</source>
        <translation>{name} 存放的是 {dtype} 类型的值，不是数字；请保存一个数值（整数或浮点数）数组。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="115"/>
        <source>{name} holds a {ndim}-D array of shape {shape}; save a 1-D or 2-D array (one row per sample).</source>
        <translation>{name} 存放的是形状为 {shape} 的 {ndim} 维数组；请保存一维或二维数组（每行一个样本）。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="119"/>
        <source>{name} holds an empty array of shape {shape}; it needs at least one row and column.</source>
        <translation>{name} 存放的是形状为 {shape} 的空数组；至少需要一行一列。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="122"/>
        <source>{name} is not a valid .npy file but a zip archive (a .npz file?); save one array with numpy.save.</source>
        <translation>{name} 不是有效的 .npy 文件，而是一个 zip 压缩包（.npz 文件？）；请用 numpy.save 保存单个数组。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="125"/>
        <source>{name} is not a valid .npy file (format version {version}); save it with numpy.save.</source>
        <translation>{name} 不是有效的 .npy 文件（格式版本 {version}）；请用 numpy.save 保存。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="128"/>
        <source>{name} is not a valid .npy file (its header is damaged); save the array again with numpy.save.</source>
        <translation>{name} 不是有效的 .npy 文件（文件头已损坏）；请用 numpy.save 重新保存该数组。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="131"/>
        <source>{name} is not a valid .npy file (it is truncated); save the array again with numpy.save.</source>
        <translation>{name} 不是有效的 .npy 文件（文件被截断）；请用 numpy.save 重新保存该数组。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="134"/>
        <source>{name} is not a valid .npy file (its data cannot be read); save the array again with numpy.save.</source>
        <translation>{name} 不是有效的 .npy 文件（无法读取其中的数据）；请用 numpy.save 重新保存该数组。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="140"/>
        <source>K = {k} is larger than the number of samples ({n}): use a smaller K.</source>
        <translation>K = {k} 大于样本数（{n}）：请使用更小的 K。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="143"/>
        <source>K = {k} is larger than the number of distinct points in the data: use a smaller K.</source>
        <translation>K = {k} 大于数据中互不相同的数据点的个数：请使用更小的 K。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="146"/>
        <source>initialisation &apos;given&apos; needs starting parameters (a model file).</source>
        <translation>初始化方式“给定”需要起始参数（一个模型文件）。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="149"/>
        <source>the starting model has {model_k} components but K is {k}.</source>
        <translation>起始模型有 {model_k} 个分量，但 K 为 {k}。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="151"/>
        <source>the starting model has {model_type} covariances but the fit asks for {fit_type}.</source>
        <translation>起始模型的协方差类型为 {model_type}，但拟合要求的是 {fit_type}。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="154"/>
        <source>{feature} holds NaN or infinite values: remove those rows or fill them in.</source>
        <translation>{feature} 含有 NaN 或无穷大的值：请删除这些行或补全它们。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="158"/>
        <source>{feature} spreads too widely for double precision: row {row} ({value}) lies so far from the other rows that the sums of squares EM needs overflow: remove such rows.</source>
        <translation>{feature} 的取值分布太宽，超出了双精度的范围：第 {row} 行（{value}）离其他行太远，EM 所需的平方和会溢出：请删除这样的行。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="164"/>
        <source>{feature} spreads too widely for double precision (standard deviation about {power}: the sums of squares EM needs overflow): rescale that column, for example divide it by {divisor}.</source>
        <translation>{feature} 的取值分布太宽，超出了双精度的范围（标准差约为 {power}：EM 所需的平方和会溢出）：请重新缩放该列，例如除以 {divisor}。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="170"/>
        <source>{feature} varies too little for double precision (standard deviation about {power}: its variance underflows): rescale that column, for example multiply it by {factor}, or drop it if it is meant to be constant.</source>
        <translation>{feature} 的变化太小，超出了双精度的范围（标准差约为 {power}：其方差会下溢）：请重新缩放该列，例如乘以 {factor}；如果它本来就是常数，也可以删去该列。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="176"/>
        <source>component {component} collapsed (no samples or a singular covariance): use fewer components, a larger reg_covar, or rescale the data.</source>
        <translation>分量 {component} 坍缩了（没有样本或协方差奇异）：请使用更少的分量、更大的 reg_covar，或重新缩放数据。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="181"/>
        <source>the picture has fewer than {k} distinct colours, so it cannot have {segments} segments: use a smaller K.</source>
        <translation>图片中互不相同的颜色少于 {k} 种，因此无法分成 {segments} 个区域：请使用更小的 K。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="187"/>
        <source>cannot load the model file {path}: {model_problem}.</source>
        <translation>无法加载模型文件 {path}：{model_problem}。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="189"/>
        <source>cannot write {path}: {write_problem}; the existing file, if any, is unchanged.</source>
        <translation>无法写入 {path}：{write_problem}；原有文件（如果有）保持不变。</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="197"/>
        <source>the name {long_name} is too long ({size} bytes; a file or folder name can have at most {limit} bytes)</source>
        <extracomment>Why a path could not even be looked at (``engine.io.paths.os_error_problem``): shared by data and model files.</extracomment>
        <translation>名称 {long_name} 太长（{size} 字节；文件或文件夹的名称最多只能有 {limit} 字节）</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="201"/>
        <source>the path is too long ({size} bytes, more than the system allows; each name may have at most {limit} bytes)</source>
        <translation>路径太长（{size} 字节，超出系统允许的长度；每个名称最多只能有 {limit} 字节）</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="204"/>
        <source>its symbolic links form a loop</source>
        <translation>它的符号链接构成了循环</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="206"/>
        <source>it cannot be looked at ({reason})</source>
        <translation>无法查看它（{reason}）</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="208"/>
        <source>its name holds a NUL character</source>
        <translation>它的名称中含有 NUL 字符</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="213"/>
        <source>it does not exist</source>
        <extracomment>Why a model file was refused (``engine.io.model_json``, ``engine.io.model_checks``).</extracomment>
        <translation>它不存在</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="214"/>
        <source>it is not a file but a folder</source>
        <translation>它不是文件，而是文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="216"/>
        <source>it is not a regular file (a pipe or a device?)</source>
        <translation>它不是普通文件（是管道还是设备？）</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="217"/>
        <source>it is not a text file (UTF-8)</source>
        <translation>它不是文本文件（UTF-8）</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="218"/>
        <source>it cannot be read ({reason})</source>
        <translation>无法读取它（{reason}）</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="221"/>
        <source>it holds the number {number}, but every number must be finite</source>
        <translation>它含有数值 {number}，但所有数值都必须是有限的</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="223"/>
        <source>it is not valid JSON ({json_reason} at line {line}, column {column})</source>
        <translation>它不是有效的 JSON（第 {line} 行第 {column} 列：{json_reason}）</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="310"/>
        <source>Permission denied</source>
        <extracomment>The whole sentences, most common first (the order does not matter: at most one matches a message). The clauses a slot ``&lt;&lt;name&gt;&gt;`` stands for. Words the engine passes on from elsewhere, by the name of their group: the system&apos;s reason for a failed file operation (``OSError.strerror``) and the reason of Python&apos;s JSON parser (``JSONDecodeError.msg``). The common ones are translated; any other stays as it is.</extracomment>
        <translation>权限不足</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="311"/>
        <source>Operation not permitted</source>
        <translation>不允许的操作</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="312"/>
        <source>No such file or directory</source>
        <translation>没有那个文件或目录</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="313"/>
        <source>Is a directory</source>
        <translation>是一个目录</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="314"/>
        <source>Not a directory</source>
        <translation>不是目录</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="315"/>
        <source>No space left on device</source>
        <translation>设备上没有剩余空间</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="316"/>
        <source>Disk quota exceeded</source>
        <translation>超出磁盘配额</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="317"/>
        <source>Read-only file system</source>
        <translation>只读文件系统</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="318"/>
        <source>Input/output error</source>
        <translation>输入/输出错误</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="321"/>
        <source>Expecting value</source>
        <translation>此处应为一个值</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="322"/>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>此处应为分隔符 &apos;:&apos;</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="323"/>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>此处应为分隔符 &apos;,&apos;</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="324"/>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>此处应为用双引号括起的属性名</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="326"/>
        <source>Extra data</source>
        <translation>多余的数据</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="327"/>
        <source>Unterminated string starting at</source>
        <translation>从此处开始的字符串没有结束</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="328"/>
        <source>Invalid control character at</source>
        <translation>无效的控制字符</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="329"/>
        <source>Invalid \escape</source>
        <translation>无效的 \ 转义</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="226"/>
        <source>it is not valid JSON (nested too deeply)</source>
        <translation>它不是有效的 JSON（嵌套太深）</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="229"/>
        <source>its &quot;{key}&quot; is nested more than {depth} levels deep, deeper than any model needs; remove that nesting</source>
        <translation>它的 &quot;{key}&quot; 嵌套超过 {depth} 层，比任何模型所需的都深；请去掉这些嵌套</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="232"/>
        <source>it holds a JSON {kind}, not an object with the model&apos;s keys</source>
        <translation>它存放的是 JSON {kind}，而不是含有模型各个键的对象</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="234"/>
        <source>it has no &quot;format&quot; key, so it is not a {format} file</source>
        <translation>它没有 &quot;format&quot; 键，因此不是 {format} 文件</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="236"/>
        <source>its format is {value}, not &quot;{format}&quot;</source>
        <translation>它的格式是 {value}，而不是 &quot;{format}&quot;</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="238"/>
        <source>its format version is {value}, but only version {version} is supported</source>
        <translation>它的格式版本是 {value}，但只支持版本 {version}</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="240"/>
        <source>it lacks the key(s) {keys}</source>
        <translation>它缺少键 {keys}</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="242"/>
        <source>its covariance_type {value} is not one of {choices}</source>
        <translation>它的 covariance_type {value} 不是 {choices} 之一</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="244"/>
        <source>its {key} is {value}, but it must be a whole number &gt;= 1</source>
        <translation>它的 {key} 为 {value}，但必须是 &gt;= 1 的整数</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="246"/>
        <source>its feature_names must be a list of strings</source>
        <translation>它的 feature_names 必须是字符串列表</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="248"/>
        <source>it has {count} feature_names but n_features is {n_features}</source>
        <translation>它有 {count} 个 feature_names，但 n_features 为 {n_features}</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="251"/>
        <source>its {key} should have shape {expected} {meaning} but has shape {got}</source>
        <translation>它的 {key} 的形状应为 {expected} {meaning}，实际形状却是 {got}</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="255"/>
        <source>its {key} should have shape {expected} {meaning} but has lists of different lengths</source>
        <translation>它的 {key} 的形状应为 {expected} {meaning}，实际却是长度不一的列表</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="258"/>
        <source>its {key} must hold numbers, but it holds {value}</source>
        <translation>它的 {key} 必须存放数字，但其中有 {value}</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="260"/>
        <source>its {key} holds a number too large for a float</source>
        <translation>它的 {key} 含有一个超出浮点数范围的数</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="262"/>
        <source>its {key} holds NaN or infinity, but every number must be finite</source>
        <translation>它的 {key} 含有 NaN 或无穷大，但所有数值都必须是有限的</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="265"/>
        <source>the weight of component {component} is negative ({weight})</source>
        <translation>分量 {component} 的权重为负（{weight}）</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="267"/>
        <source>its weights sum to {total}, not 1</source>
        <translation>它的权重之和为 {total}，而不是 1</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="269"/>
        <source>the covariance of component {component} is not symmetric</source>
        <translation>分量 {component} 的协方差不对称</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="271"/>
        <source>the shared covariance is not symmetric</source>
        <translation>共享协方差不对称</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="273"/>
        <source>the covariance of component {component} is not positive definite</source>
        <translation>分量 {component} 的协方差不是正定的</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="275"/>
        <source>the shared covariance is not positive definite</source>
        <translation>共享协方差不是正定的</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="277"/>
        <source>the variances of component {component} must all be positive</source>
        <translation>分量 {component} 的方差必须全为正</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="283"/>
        <source>{reason}; check that the folder exists and is writable</source>
        <extracomment>Why a file could not be written (``engine.io.atomic``); the system&apos;s reason stays as the system gives it.</extracomment>
        <translation>{reason}；请检查文件夹是否存在且可写</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="284"/>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="290"/>
        <source>feature {column} (column {index})</source>
        <extracomment>Which feature (``engine.scales``): by name and column when the data has names, else by column.</extracomment>
        <translation>特征 {column}（列索引 {index}）</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="291"/>
        <source>feature {index}</source>
        <translation>特征 {index}</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <location filename="../../gui/main/exports.py" line="119"/>
        <source>cannot write the image {0}</source>
        <extracomment>How long the message saying a file was saved stays in the status bar, in milliseconds.</extracomment>
        <translation>无法写入图像 {0}</translation>
    </message>
</context>
<context>
    <name>image_exports</name>
    <message>
        <location filename="../../gui/image/exports.py" line="37"/>
        <source>cannot export to {0}: it is a folder; give a file name.</source>
        <extracomment>{0} is the file name chosen in the export dialog, which is an existing folder.</extracomment>
        <translation>无法导出到 {0}：这是一个文件夹；请给出文件名。</translation>
    </message>
</context>
<context>
    <name>image_io</name>
    <message>
        <location filename="../../gui/image/codec.py" line="79"/>
        <source>the picture {0}</source>
        <extracomment>Formats that hold more than 8 bits a channel: read through Format_RGBX64 as uint16. Decoder messages that mean the file ended early: the decoded picture is partly invented.</extracomment>
        <translation>图片 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="82"/>
        <source>cannot read {0}: {1}.</source>
        <translation>无法读取 {0}：{1}。</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="86"/>
        <source>it does not exist; check the name and folder</source>
        <translation>文件不存在；请检查文件名和文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="88"/>
        <source>it is a folder; give a picture file (PNG, JPEG, BMP or TIFF)</source>
        <translation>这是一个文件夹；请给出图片文件（PNG、JPEG、BMP 或 TIFF）</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="90"/>
        <source>it is not a regular file (a pipe or a device?); give a picture file (PNG, JPEG, BMP or TIFF)</source>
        <translation>这不是普通文件（管道或设备？）；请给出图片文件（PNG、JPEG、BMP 或 TIFF）</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="96"/>
        <location filename="../../gui/image/codec.py" line="103"/>
        <source>it cannot be opened ({0})</source>
        <translation>无法打开它（{0}）</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="98"/>
        <source>the file is empty (0 bytes)</source>
        <translation>文件为空（0 字节）</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="106"/>
        <source>it is not a picture Qt can decode; give a PNG, JPEG, BMP or TIFF file</source>
        <translation>这不是 Qt 能解码的图片；请给出 PNG、JPEG、BMP 或 TIFF 文件</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="114"/>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="115"/>
        <source>it could not be decoded ({0}); the file may be truncated or damaged</source>
        <translation>无法解码（{0}）；文件可能被截断或已损坏</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="118"/>
        <source>the file is truncated ({0}); it may not have finished downloading or copying</source>
        <translation>文件被截断（{0}）；可能尚未下载或复制完成</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="187"/>
        <source>the name {0} is too long ({1} bytes; a file or folder name can have at most {2} bytes)</source>
        <extracomment>Leading bytes of the common formats, and the name of Qt&apos;s handler for each.</extracomment>
        <translation>名称 {0} 太长（{1} 字节；文件或文件夹名最多 {2} 字节）</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="190"/>
        <source>it cannot be looked at ({0})</source>
        <translation>无法查看它（{0}）</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="310"/>
        <source>Qt could not encode the picture ({0})</source>
        <translation>Qt 无法编码这张图片（{0}）</translation>
    </message>
</context>
<context>
    <name>presets</name>
    <message>
        <location filename="../../gui/i18n/outside.py" line="17"/>
        <source>three correlated 2-D blobs, weights .3/.5/.2</source>
        <translation>三个相关的二维数据团，权重 .3/.5/.2</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="18"/>
        <source>two 1-D Gaussians, weights .3/.7</source>
        <translation>两个一维高斯分布，权重 .3/.7</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="19"/>
        <source>four 2-D components sharing a covariance, weights .1/.2/.3/.4</source>
        <translation>四个共享协方差的二维分量，权重 .1/.2/.3/.4</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="20"/>
        <source>k unit-variance clusters in d dimensions, equal sizes (like make_blobs)</source>
        <translation>k 个单位方差的簇，d 维，大小相等（类似 make_blobs）</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="21"/>
        <source>a random mixture of k components in d dimensions</source>
        <translation>k 个分量、d 维的随机混合分布</translation>
    </message>
</context>
</TS>
