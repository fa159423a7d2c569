<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>AgreementPanel</name>
    <message>
        <location filename="../../gui/main/agreement.py" line="61"/>
        <source>True labels</source>
        <translation>실제 레이블</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="70"/>
        <source>Rows: the true labels (those left without a component say none). Columns: the components, each label&apos;s matched component first (the Hungarian algorithm pairs labels and components so that the most rows agree). The diagonal, in bold, holds the rows on their matched component.</source>
        <translation>행: 실제 레이블(대응하는 성분이 없는 레이블은 &apos;없음&apos;으로 표시). 열: 성분이며, 각 레이블에 대응된 성분이 먼저 옵니다(헝가리안 알고리즘이 가장 많은 행이 일치하도록 레이블과 성분을 짝짓습니다). 굵게 표시된 대각선은 대응된 성분에 속한 행의 수입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="74"/>
        <source>Copy table</source>
        <translation>표 복사</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="75"/>
        <source>Copy the confusion table as tab-separated text</source>
        <translation>혼동 행렬을 탭으로 구분된 텍스트로 복사합니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="84"/>
        <source>How the fit agrees with the data&apos;s true labels: the adjusted Rand index (1 for the same grouping, about 0 for chance, whatever the numbering) and the confusion table after matching labels to components</source>
        <translation>적합 결과가 데이터의 실제 레이블과 얼마나 일치하는지: 조정 랜드 지수(같은 분할이면 1, 우연 수준이면 약 0, 번호와 무관)와 레이블을 성분에 대응시킨 뒤의 혼동 행렬</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="94"/>
        <source>Agreement of the fit with the true labels; click for the table</source>
        <translation>적합 결과와 실제 레이블의 일치도입니다. 클릭하면 표를 봅니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="98"/>
        <location filename="../../gui/main/agreement.py" line="147"/>
        <source>The data has no true labels. A preset, painted points or a file with a column named &apos;label&apos; has them.</source>
        <translation>데이터에 실제 레이블이 없습니다. 프리셋, 그린 점, 또는 &apos;label&apos;이라는 이름의 열이 있는 파일에 실제 레이블이 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="118"/>
        <source>true label</source>
        <translation>실제 레이블</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="118"/>
        <source>component {0}</source>
        <translation>성분 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="135"/>
        <source>The agreement shows after the first E-step.</source>
        <translation>일치도는 첫 E 단계 뒤에 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="163"/>
        <source>true labels: ARI –</source>
        <translation>실제 레이블: ARI –</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="173"/>
        <source>Adjusted Rand index {0:.3f}; {1} of {2} points ({3:.1f} %) on the component matched to their label (iteration {4}, latest E-step).</source>
        <translation>조정 랜드 지수 {0:.3f}. {2}개 점 중 {1}개({3:.1f} %)가 자기 레이블에 대응된 성분에 속합니다({4}번째 반복, 최근 E 단계).</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="176"/>
        <source>true labels: ARI {0:.3f}</source>
        <translation>실제 레이블: ARI {0:.3f}</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="184"/>
        <source>comp. {0}</source>
        <translation>성분 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="186"/>
        <source>label {0}</source>
        <translation>레이블 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="187"/>
        <source>{0} (none)</source>
        <translation>{0} (없음)</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="188"/>
        <source>True label {0}, matched to component {1}</source>
        <translation>실제 레이블 {0}, 성분 {1}에 대응</translation>
    </message>
    <message>
        <location filename="../../gui/main/agreement.py" line="189"/>
        <source>True label {0}: no component is left to match it (fewer components than labels)</source>
        <translation>실제 레이블 {0}: 대응할 성분이 남아 있지 않습니다(성분 수가 레이블 수보다 적음)</translation>
    </message>
</context>
<context>
    <name>ChooseK</name>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="93"/>
        <source>Choose K</source>
        <extracomment>The view is redrawn at most this often while cells arrive, in milliseconds. The panel is made at least this wide when it opens, where the data view keeps half the window beside it.</extracomment>
        <translation>K 선택</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="96"/>
        <source>Model selection: every K and covariance type fitted and ranked by a criterion.</source>
        <translation>모델 선택: 모든 K와 공분산 유형을 적합하고 기준에 따라 순위를 매깁니다.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="101"/>
        <source>Show or hide the Choose K panel.</source>
        <translation>K 선택 패널을 보이거나 숨깁니다.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="103"/>
        <source>Choose &amp;K…</source>
        <translation>K 선택(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="104"/>
        <source>Fits K = 1 to 9 components with every covariance type to the data and ranks them by BIC, AIC, ICL or held-out log-likelihood; click a result to put that model on the canvas.</source>
        <translation>K = 1부터 9까지의 성분을 모든 공분산 유형으로 데이터에 적합하고 BIC, AIC, ICL 또는 검증 데이터의 로그 가능도로 순위를 매깁니다. 결과를 클릭하면 그 모델을 캔버스에 놓습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="154"/>
        <source>No data: generate or open a data set first.</source>
        <translation>데이터 없음: 먼저 데이터 세트를 생성하거나 여십시오.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="166"/>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="181"/>
        <source>Stopping after the current step…</source>
        <translation>현재 단계가 끝나면 정지합니다…</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="219"/>
        <source>The data changed: choose K again for the data on screen.</source>
        <translation>데이터가 바뀌었습니다. 화면의 데이터에 대해 K를 다시 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="224"/>
        <source>{0} from Choose K: E, M or Space go on from it.</source>
        <translation>K 선택에서 가져온 {0}: E, M 또는 스페이스로 이어서 진행합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="266"/>
        <source>The selection stopped with an error: {0}</source>
        <translation>모델 선택이 오류로 멈췄습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="268"/>
        <source>Done: {0} cells. Click a point or a row to put that model on the canvas.</source>
        <translation>완료: {0}개 셀. 점이나 행을 클릭하면 그 모델을 캔버스에 놓습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="273"/>
        <source>Stopped after {0} of {1} cells.</source>
        <translation>{1}개 셀 중 {0}개를 마치고 정지했습니다.</translation>
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
        <translation>{0} 적합 중: 시작점 {1}/{2}</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="283"/>
        <source>Fitting {0}: on to the tight tolerance</source>
        <translation>{0} 적합 중: 엄격한 허용 오차까지 계속</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="284"/>
        <source>Fitting {0}: cross-validation fold {1} of {2}</source>
        <translation>{0} 적합 중: 교차 검증 폴드 {1}/{2}</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/chooser.py" line="296"/>
        <location filename="../../gui/choosek/chooser.py" line="301"/>
        <source>The data changed: choose K again for the new data.</source>
        <translation>데이터가 바뀌었습니다. 새 데이터에 대해 K를 다시 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/plot.py" line="39"/>
        <source>BIC (lower is better)</source>
        <extracomment>A click this close to a point (in pixels) picks it. Colour and symbol of each covariance type&apos;s line (the symbols tell them apart without colour too). Unicode glyphs of the symbols, for the legend above the plot.</extracomment>
        <translation>BIC (낮을수록 좋음)</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/plot.py" line="39"/>
        <source>AIC (lower is better)</source>
        <translation>AIC (낮을수록 좋음)</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/plot.py" line="40"/>
        <source>ICL (lower is better)</source>
        <translation>ICL (낮을수록 좋음)</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/plot.py" line="41"/>
        <source>held-out log-lik. per point (higher is better)</source>
        <translation>검증 데이터의 점당 로그 가능도 (높을수록 좋음)</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/plot.py" line="70"/>
        <source>number of components K</source>
        <translation>성분 수 K</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/plot.py" line="74"/>
        <source>Each finished cell of the grid: K across, the criterion up, one line per covariance type. Ringed in red: the best cell that is not degenerate; hollow: degenerate fits (never chosen). Click a point to put that model on the canvas; the mouse wheel zooms the criterion&apos;s axis.</source>
        <translation>격자에서 끝난 각 셀: 가로축은 K, 세로축은 기준 값, 공분산 유형마다 선 하나. 빨간 고리: 퇴화하지 않은 최적 셀, 속이 빈 점: 퇴화한 적합(선택되지 않음). 점을 클릭하면 그 모델을 캔버스에 놓습니다. 마우스 휠로 기준 축을 확대·축소합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/plot.py" line="105"/>
        <source>best</source>
        <translation>최적</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/plot.py" line="105"/>
        <location filename="../../gui/choosek/table.py" line="49"/>
        <source>degenerate</source>
        <translation>퇴화</translation>
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
        <translation>CV 로그 가능도</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/table.py" line="47"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/table.py" line="51"/>
        <source>not converged</source>
        <translation>수렴 안 함</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/table.py" line="79"/>
        <source>Every finished cell, best first by the criterion. Δ is the difference to the best cell that is not degenerate. Click a row to put that model on the canvas.</source>
        <translation>끝난 모든 셀을 기준에 따라 좋은 순서로 보여 줍니다. Δ는 퇴화하지 않은 최적 셀과의 차이입니다. 행을 클릭하면 그 모델을 캔버스에 놓습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/table.py" line="86"/>
        <source>covariance</source>
        <translation>공분산</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/table.py" line="87"/>
        <source>flags</source>
        <translation>비고</translation>
    </message>
</context>
<context>
    <name>ChooseKView</name>
    <message>
        <location filename="../../gui/choosek/view.py" line="60"/>
        <source>The smallest number of components tried.</source>
        <extracomment>Largest seed the seed box takes.</extracomment>
        <translation>시도할 가장 작은 성분 수입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="62"/>
        <source>The largest number of components tried. From 1 to 9 (the default), K stops at the number of distinct points when the data has fewer.</source>
        <translation>시도할 가장 큰 성분 수입니다. 1부터 9까지(기본값 9)이며, 서로 다른 점이 더 적으면 K는 그 개수에서 멈춥니다.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="65"/>
        <source>k-means++ starts per cell; the best is continued to a tight tolerance (1e-8).</source>
        <translation>셀마다 k-means++ 시작점 수입니다. 가장 좋은 시작점을 엄격한 허용 오차(1e-8)까지 계속 적합합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="67"/>
        <source>Cross-validation folds for the held-out log-likelihood (the same folds for every cell).</source>
        <translation>검증 데이터 로그 가능도를 위한 교차 검증 폴드 수입니다(모든 셀에 같은 폴드 사용).</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="68"/>
        <source>Every cell&apos;s starts and the folds come from this seed.</source>
        <translation>모든 셀의 시작점과 폴드는 이 시드에서 만들어집니다.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="74"/>
        <source>Fit the covariance type &apos;{0}&apos; for every K.</source>
        <translation>모든 K에 대해 공분산 유형 &apos;{0}&apos;을(를) 적합합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="77"/>
        <source>Choose K</source>
        <translation>K 선택</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="78"/>
        <source>Fits every K and covariance type of the grid to the data on screen, each to its optimum, and ranks them (Ctrl+K).</source>
        <translation>화면의 데이터에 격자의 모든 K와 공분산 유형을 각각 최적까지 적합하고 순위를 매깁니다(Ctrl+K).</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="80"/>
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="81"/>
        <source>Stops the selection after the cell it is fitting; the finished cells stay.</source>
        <translation>적합 중인 셀이 끝나면 모델 선택을 멈춥니다. 끝난 셀은 그대로 남습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="88"/>
        <location filename="../../gui/choosek/view.py" line="239"/>
        <source>no run yet</source>
        <translation>아직 실행 안 함</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="89"/>
        <source>Cells of the grid finished, of all.</source>
        <translation>격자 전체 셀 중 끝난 셀의 수입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="93"/>
        <source>What the selection is fitting now.</source>
        <translation>모델 선택이 지금 적합하고 있는 것입니다.</translation>
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
        <translation>검증 로그 가능도 (CV)</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="100"/>
        <source>What ranks the cells. BIC = -2 log L + p log N and AIC = -2 log L + 2 p (as scikit-learn&apos;s bic() and aic()), ICL = BIC plus the classification&apos;s entropy (mclust&apos;s, in this sign): lower is better. Held-out log-likelihood per point over the folds: higher is better.</source>
        <translation>셀의 순위를 정하는 기준입니다. BIC = -2 log L + p log N, AIC = -2 log L + 2 p(scikit-learn의 bic(), aic()와 같음), ICL = BIC에 분류의 엔트로피를 더한 값(mclust의 ICL, 부호 반대): 낮을수록 좋습니다. 폴드에 걸친 점당 검증 로그 가능도: 높을수록 좋습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="113"/>
        <source>K from</source>
        <translation>K 범위</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="113"/>
        <source>to</source>
        <translation>~</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="118"/>
        <source>Starts</source>
        <translation>시작점</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="118"/>
        <source>Folds</source>
        <translation>폴드</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="119"/>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="135"/>
        <source>Rank by</source>
        <translation>순위 기준</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="186"/>
        <source>The range of K is reversed: {0} to {1}.</source>
        <translation>K의 범위가 뒤바뀌었습니다: {0}부터 {1}까지.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="189"/>
        <source>Tick at least one covariance type.</source>
        <translation>공분산 유형을 하나 이상 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="204"/>
        <source>{0} / {1} cells</source>
        <translation>{0} / {1} 셀</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="217"/>
        <source>No usable cell yet.</source>
        <translation>아직 쓸 수 있는 셀이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="219"/>
        <source>Best: K = {0}, {1} ({2} {3}).</source>
        <translation>최적: K = {0}, {1} ({2} {3}).</translation>
    </message>
    <message>
        <location filename="../../gui/choosek/view.py" line="220"/>
        <source>Best so far: K = {0}, {1} ({2} {3}).</source>
        <translation>현재까지 최적: K = {0}, {1} ({2} {3}).</translation>
    </message>
</context>
<context>
    <name>CoinsRun</name>
    <message>
        <location filename="../../gui/lessons/coins_run.py" line="133"/>
        <source>EM has finished: press R to go back to the start, or Space to run again.</source>
        <translation>EM이 끝났습니다: R을 누르면 시작점으로 돌아가고, 스페이스를 누르면 다시 실행합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_run.py" line="170"/>
        <source>EM stopped with an error</source>
        <translation>오류로 EM이 멈췄습니다</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_run.py" line="189"/>
        <source>The coins view shows this half-step:
the E-step&apos;s table and the M-step&apos;s divisions.</source>
        <translation>동전 보기는 이 반 단계를 보여 줍니다:
E 단계의 표와 M 단계의 나눗셈.</translation>
    </message>
</context>
<context>
    <name>CoinsView</name>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="86"/>
        <source>The two head probabilities: the log-likelihood&apos;s contours, EM&apos;s path from the start (a dot per iteration) and where it is now.</source>
        <translation>두 앞면 확률: 로그 가능도의 등고선, 시작점에서 출발한 EM의 경로(반복마다 점 하나)와 현재 위치.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="101"/>
        <source>Where EM starts; choosing one goes back to that start.</source>
        <translation>EM이 시작하는 곳. 하나를 고르면 그 시작점으로 돌아갑니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="104"/>
        <location filename="../../gui/lessons/coins_view.py" line="266"/>
        <source>Start</source>
        <translation>시작점</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="110"/>
        <source>The parameters on screen, rounded as the textbook rounds them (four decimals in brackets), and the log-likelihood of all the counts (natural log, a total over the observations).</source>
        <translation>화면의 모수를 교과서처럼 반올림한 값(괄호 안은 소수 넷째 자리까지)과 모든 횟수의 로그 가능도(자연로그, 관측 전체의 합).</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="122"/>
        <source>The latest E-step: each coin&apos;s responsibility r for each observation, and the heads H and tails T credited to it (r times the counts).</source>
        <translation>가장 최근의 E 단계: 각 관측에 대한 동전별 책임도 r와, 그 동전에 배정된 앞면 수 H와 뒷면 수 T(r 곱하기 횟수).</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="127"/>
        <source>The M-step: each coin&apos;s credited heads over its credited tosses.</source>
        <translation>M 단계: 각 동전에 배정된 앞면 수를 배정된 던지기 수로 나눈 값.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="170"/>
        <source>Start {0}</source>
        <translation>시작점 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="176"/>
        <source>Knowing which coin made each observation: {0} = {1}, {2} = {3}</source>
        <translation>각 관측을 어느 동전이 만들었는지 알 때: {0} = {1}, {2} = {3}</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="194"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="194"/>
        <source>heads</source>
        <translation>앞면</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="194"/>
        <source>tails</source>
        <translation>뒷면</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="243"/>
        <source>total</source>
        <translation>합계</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="267"/>
        <source>Iteration {0}: E-step</source>
        <translation>{0}번째 반복: E 단계</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="268"/>
        <source>Iteration {0}: M-step</source>
        <translation>{0}번째 반복: M 단계</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="269"/>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="278"/>
        <source>log-likelihood {0}</source>
        <translation>로그 가능도 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="282"/>
        <source>knowing the coins:</source>
        <translation>동전을 알 때:</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="291"/>
        <source>Press E: the E-step fills the table.</source>
        <translation>E를 누르세요: E 단계가 표를 채웁니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="308"/>
        <source>M-step</source>
        <translation>M 단계</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/coins_view.py" line="308"/>
        <source>M-step (press M)</source>
        <translation>M 단계 (M을 누르세요)</translation>
    </message>
</context>
<context>
    <name>ColourSpaceView</name>
    <message>
        <location filename="../../gui/image/colour_view.py" line="51"/>
        <source>The fitted pixels&apos; colour features on the chosen axes (a sample, each dot in its own colour) and each segment&apos;s 1 and 2 standard-deviation ellipses in the segment&apos;s colour, marked with its number.</source>
        <extracomment>The axis pairs offered, as indices into the colour features (r, g, b or L, a, b). The line under each coloured ellipse: dark under a light colour, light under a dark one. Above this luminance (0-255) a segment&apos;s colour counts as light.</extracomment>
        <translation>적합한 픽셀의 색 특성을 선택한 축에 나타낸 것(표본, 각 점은 자기 색)과 각 영역의 색으로 그리고 번호를 붙인 1배, 2배 표준편차 타원입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/colour_view.py" line="55"/>
        <source>Which two of the three colour features the plot shows.</source>
        <translation>그래프에 표시할 세 색 특성 중 두 가지입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/colour_view.py" line="67"/>
        <source>Axes</source>
        <translation>축</translation>
    </message>
</context>
<context>
    <name>CompareBar</name>
    <message>
        <location filename="../../gui/image/compare.py" line="56"/>
        <source>Original</source>
        <translation>원본</translation>
    </message>
    <message>
        <location filename="../../gui/image/compare.py" line="59"/>
        <source>Show the original picture in place of the segmented one while checked (key O), to compare them at the same place.</source>
        <translation>선택하면 분할된 그림 대신 원본 그림을 보여 줍니다(키 O). 같은 위치에서 비교할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/compare.py" line="63"/>
        <source>Before and after: the segmented picture shows the original left of this split (0: all segmented, 100: all original).</source>
        <translation>전후 비교: 분할된 그림에서 이 경계의 왼쪽은 원본을 보여 줍니다(0: 모두 분할, 100: 모두 원본).</translation>
    </message>
    <message>
        <location filename="../../gui/image/compare.py" line="70"/>
        <source>Original left of the split:</source>
        <translation>경계 왼쪽은 원본:</translation>
    </message>
</context>
<context>
    <name>ComponentLegend</name>
    <message>
        <location filename="../../gui/views/legend.py" line="24"/>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location filename="../../gui/views/legend.py" line="26"/>
        <source>Each component&apos;s weight: the share of the data EM gives it.</source>
        <translation>각 성분의 가중치: EM이 그 성분에 배정한 데이터의 몫.</translation>
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
        <translation>파일을 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="266"/>
        <source>{0} points drawn from {1}</source>
        <translation>{1}에서 뽑은 점 {0}개</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="273"/>
        <source>Model {0} loaded: Run continues EM from it (initialisation &apos;given&apos;).</source>
        <translation>모델 {0}을(를) 불러왔습니다: 실행하면 EM이 이 모델에서 이어집니다(초기화 &apos;주어진 값&apos;).</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="286"/>
        <location filename="../../gui/main/sources.py" line="188"/>
        <source>Cannot show the data</source>
        <translation>데이터를 표시할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="296"/>
        <source>1 feature</source>
        <translation>특성 1개</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="296"/>
        <source>{0} features</source>
        <translation>특성 {0}개</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="297"/>
        <source>{0}: {1} points × {2}</source>
        <translation>{0}: 점 {1}개 × {2}</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="331"/>
        <source>These settings cannot be used</source>
        <translation>이 설정은 사용할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="400"/>
        <source>Keep going: EM runs on from here until |change| &lt; {0:g} or {1} iterations; Space pauses, Esc stops.</source>
        <translation>계속 실행: |변화량| &lt; {0:g}이 되거나 반복이 {1}번에 이를 때까지 EM이 여기서 이어집니다. 스페이스는 일시 정지, Esc는 정지입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="445"/>
        <source>K or the covariance type no longer match the loaded model: EM starts from k-means++ again.</source>
        <translation>K 또는 공분산 유형이 불러온 모델과 더 이상 맞지 않습니다: EM이 다시 k-means++에서 시작합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="480"/>
        <source>EM has finished: press R to go back to the start, or Space to run again.</source>
        <translation>EM이 끝났습니다: R을 누르면 시작점으로 돌아가고, 스페이스를 누르면 다시 실행합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="499"/>
        <source>Stopped: Space starts EM again from the beginning.</source>
        <translation>정지됨: 스페이스를 누르면 EM이 처음부터 다시 시작합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="518"/>
        <source>Start {0}: final mean log-likelihood {1:.6g}.</source>
        <translation>시작점 {0}: 최종 평균 로그 가능도 {1:.6g}.</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="532"/>
        <source>painted</source>
        <translation>직접 그림</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="544"/>
        <source>No points: turn on Paint points and drag on the canvas.</source>
        <translation>점이 없습니다: &apos;점 그리기&apos;를 켜고 캔버스 위에서 드래그하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/main/controller.py" line="593"/>
        <source>EM stopped with an error</source>
        <translation>오류로 EM이 멈췄습니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/editing.py" line="75"/>
        <location filename="../../gui/main/editing.py" line="78"/>
        <source>These components cannot be used</source>
        <translation>이 성분은 사용할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/editing.py" line="78"/>
        <source>The window fits at most {0} components: remove one (right-click its mean) first.</source>
        <translation>이 창은 성분을 최대 {0}개까지 적합합니다: 먼저 하나를 지우세요(평균을 오른쪽 클릭).</translation>
    </message>
    <message>
        <location filename="../../gui/main/editing.py" line="85"/>
        <source>Components placed by hand: R shows them as EM&apos;s start,
E takes the first E-step from them.</source>
        <translation>직접 놓은 성분: R을 누르면 EM의 시작점으로 보이고,
E를 누르면 여기서 첫 E 단계를 진행합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/editing.py" line="87"/>
        <source>{0} components placed by hand: Space runs EM from them (initialisation &apos;given&apos;).</source>
        <translation>직접 놓은 성분 {0}개: 스페이스를 누르면 여기서 EM을 실행합니다(초기화 &apos;주어진 값&apos;).</translation>
    </message>
    <message>
        <location filename="../../gui/main/editing.py" line="96"/>
        <source>Erase</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../../gui/main/editing.py" line="96"/>
        <source>Paint</source>
        <translation>그리기</translation>
    </message>
    <message>
        <location filename="../../gui/main/editing.py" line="102"/>
        <source>Clear</source>
        <translation>모두 지우기</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="167"/>
        <location filename="../../gui/main/exports.py" line="178"/>
        <location filename="../../gui/main/exports.py" line="189"/>
        <source>Nothing to export</source>
        <translation>내보낼 것이 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="167"/>
        <location filename="../../gui/main/exports.py" line="178"/>
        <source>There is no fit yet: press Space to run EM first.</source>
        <translation>아직 적합 결과가 없습니다: 먼저 스페이스를 눌러 EM을 실행하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="169"/>
        <source>Export model</source>
        <translation>모델 내보내기</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="170"/>
        <source>JSON model (*.json)</source>
        <translation>JSON 모델 (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="173"/>
        <source>Cannot export the model</source>
        <translation>모델을 내보낼 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="173"/>
        <source>Model saved to {0}</source>
        <translation>모델을 {0}에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="180"/>
        <source>Export labels and responsibilities</source>
        <translation>레이블과 책임도 내보내기</translation>
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
        <translation>레이블을 내보낼 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="184"/>
        <source>Labels and responsibilities saved to {0}</source>
        <translation>레이블과 책임도를 {0}에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="189"/>
        <source>There are no points.</source>
        <translation>점이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="191"/>
        <source>Export data</source>
        <translation>데이터 내보내기</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="193"/>
        <source>Cannot export the data</source>
        <translation>데이터를 내보낼 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="194"/>
        <source>Data saved to {0}</source>
        <translation>데이터를 {0}에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="197"/>
        <source>Save canvas as PNG</source>
        <translation>캔버스를 PNG로 저장</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="198"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="204"/>
        <source>Cannot save the picture</source>
        <translation>그림을 저장할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="206"/>
        <source>Picture saved to {0}</source>
        <translation>그림을 {0}에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/exports.py" line="214"/>
        <source>Saving {0}…</source>
        <translation>{0} 저장 중…</translation>
    </message>
    <message>
        <location filename="../../gui/main/sources.py" line="52"/>
        <source>{0}: values as large as {1:.3g} cannot be drawn; the window draws values up to {2:.0e} in size.</source>
        <extracomment>Presets of more points than this are generated in a job (smaller ones at once).</extracomment>
        <translation>{0}: {1:.3g}만큼 큰 값은 그릴 수 없습니다. 이 창은 크기가 {2:.0e} 이하인 값만 그립니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/sources.py" line="99"/>
        <source>Generating {0} points…</source>
        <translation>점 {0}개 생성 중…</translation>
    </message>
    <message>
        <location filename="../../gui/main/sources.py" line="104"/>
        <location filename="../../gui/main/sources.py" line="200"/>
        <source>Cannot generate the data</source>
        <translation>데이터를 생성할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/sources.py" line="111"/>
        <source>Opening {0}…</source>
        <translation>{0} 여는 중…</translation>
    </message>
    <message>
        <location filename="../../gui/main/sources.py" line="118"/>
        <source>Cannot open the model</source>
        <translation>모델을 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/sources.py" line="122"/>
        <location filename="../../gui/main/sources.py" line="127"/>
        <source>Cannot show the model</source>
        <translation>모델을 표시할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/sources.py" line="122"/>
        <source>{0} has {1} components; the window fits and shows at most {2}.</source>
        <translation>{0}에는 성분이 {1}개 있습니다. 이 창은 최대 {2}개까지 적합하고 표시합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/sources.py" line="202"/>
        <source>Cannot open the data file</source>
        <translation>데이터 파일을 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/arrivals.py" line="60"/>
        <source>K = {0} as the preset</source>
        <extracomment>How long the status bar shows what new data cleared, in milliseconds.</extracomment>
        <translation>프리셋에 맞춰 K = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main/arrivals.py" line="64"/>
        <source>locks cleared</source>
        <translation>잠금 해제</translation>
    </message>
    <message>
        <location filename="../../gui/main/arrivals.py" line="67"/>
        <source>components placed by hand cleared</source>
        <translation>직접 놓은 성분 지움</translation>
    </message>
    <message>
        <location filename="../../gui/main/arrivals.py" line="70"/>
        <source>loaded model cleared</source>
        <translation>불러온 모델 지움</translation>
    </message>
    <message>
        <location filename="../../gui/main/arrivals.py" line="76"/>
        <source>New data: {0}.</source>
        <translation>새 데이터: {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/main/arrivals.py" line="76"/>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>ConvergencePlot</name>
    <message>
        <location filename="../../gui/views/convergence.py" line="58"/>
        <source>mean log-lik.</source>
        <extracomment>Changes are clipped to this before the log scale (an exact zero has no logarithm). Point size of the legend above the plot. Room the legend leaves beside it (the left axis and margins), in pixels. The iteration axis shows at least iterations 1 to this (whole numbers on its ticks, not 0.6 ... 1.6). The log-likelihood axis spans at least this fraction of its values (at least this much below 1).</extracomment>
        <translation>평균 로그 가능도</translation>
    </message>
    <message>
        <location filename="../../gui/views/convergence.py" line="59"/>
        <source>|change|</source>
        <translation>|변화량|</translation>
    </message>
    <message>
        <location filename="../../gui/views/convergence.py" line="60"/>
        <source>iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <location filename="../../gui/views/convergence.py" line="85"/>
        <source>E-step: log-likelihood</source>
        <translation>E 단계: 로그 가능도</translation>
    </message>
    <message>
        <location filename="../../gui/views/convergence.py" line="85"/>
        <source>M-step: new parameters</source>
        <translation>M 단계: 새 모수</translation>
    </message>
    <message>
        <location filename="../../gui/views/convergence.py" line="86"/>
        <source>± tol around the latest value</source>
        <translation>최신 값 ± tol 범위</translation>
    </message>
    <message>
        <location filename="../../gui/views/convergence.py" line="86"/>
        <source>M-step re-seeded a component</source>
        <translation>M 단계에서 성분을 다시 초기화함</translation>
    </message>
    <message>
        <location filename="../../gui/views/convergence.py" line="105"/>
        <source>tol</source>
        <translation>tol</translation>
    </message>
    <message>
        <location filename="../../gui/views/convergence.py" line="160"/>
        <source>start {0} of {1}</source>
        <translation>시작점 {0} / {1}</translation>
    </message>
</context>
<context>
    <name>CovarianceType</name>
    <message>
        <location filename="../../gui/covariance_names.py" line="18"/>
        <source>full</source>
        <extracomment>Translation context of the names.</extracomment>
        <translation>완전</translation>
    </message>
    <message>
        <location filename="../../gui/covariance_names.py" line="19"/>
        <source>tied (shared)</source>
        <translation>공유 (tied)</translation>
    </message>
    <message>
        <location filename="../../gui/covariance_names.py" line="20"/>
        <source>diagonal</source>
        <translation>대각</translation>
    </message>
    <message>
        <location filename="../../gui/covariance_names.py" line="21"/>
        <source>spherical</source>
        <translation>구형</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../../gui/panels/data.py" line="52"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="58"/>
        <source>Generates a sample of a known mixture for EM to rediscover.</source>
        <translation>알려진 혼합 분포에서 표본을 생성해 EM이 다시 찾아내게 합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="59"/>
        <source>How many points to generate: EM&apos;s cost per iteration grows with it.</source>
        <translation>생성할 점의 개수: EM의 반복당 계산량이 이에 따라 늘어납니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="62"/>
        <source>How many clusters the &apos;blobs&apos; and &apos;random&apos; presets draw from (EM&apos;s K is set under Model).</source>
        <translation>&apos;blobs&apos;와 &apos;random&apos; 프리셋이 몇 개의 군집에서 뽑는지(EM의 K는 &apos;모델&apos;에서 정합니다).</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="64"/>
        <source>How many features the &apos;blobs&apos; and &apos;random&apos; presets have; EM fits in all of them.</source>
        <translation>&apos;blobs&apos;와 &apos;random&apos; 프리셋의 특성 개수. EM은 모든 특성에서 적합합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="66"/>
        <source>Seed of the generated sample: the same seed gives the same points.</source>
        <translation>생성할 표본의 시드: 같은 시드는 같은 점을 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="68"/>
        <source>Generate</source>
        <translation>생성</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="69"/>
        <source>Draws a new data set from the preset and resets EM to its starting parameters.</source>
        <translation>프리셋에서 새 데이터 집합을 뽑고 EM을 시작 모수로 되돌립니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="71"/>
        <source>Open CSV/NPY…</source>
        <translation>CSV/NPY 열기…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="72"/>
        <source>Loads data (or a saved model) from a file for EM to fit.</source>
        <translation>EM이 적합할 데이터(또는 저장된 모델)를 파일에서 불러옵니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="75"/>
        <source>The data EM is fitting.</source>
        <translation>EM이 적합하고 있는 데이터.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="78"/>
        <source>two features</source>
        <translation>두 특성</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="79"/>
        <source>principal components</source>
        <translation>주성분</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="80"/>
        <source>Shows two chosen features or the first two principal components; EM still fits in all dimensions.</source>
        <translation>고른 두 특성이나 처음 두 주성분을 보여 줍니다. EM은 여전히 모든 차원에서 적합합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="83"/>
        <source>Feature on the horizontal axis (only the view changes, not EM).</source>
        <translation>가로축의 특성(보기만 바뀌고 EM은 바뀌지 않습니다).</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="85"/>
        <source>Feature on the vertical axis (only the view changes, not EM).</source>
        <translation>세로축의 특성(보기만 바뀌고 EM은 바뀌지 않습니다).</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="89"/>
        <source>Show</source>
        <translation>보기</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="90"/>
        <source>x axis</source>
        <translation>x축</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="91"/>
        <source>y axis</source>
        <translation>y축</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="95"/>
        <source>Preset</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="96"/>
        <source>Points n</source>
        <translation>점 개수 n</translation>
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
        <translation>군집 수</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="103"/>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
</context>
<context>
    <name>DisplayPanel</name>
    <message>
        <location filename="../../gui/panels/display.py" line="43"/>
        <source>Display</source>
        <translation>표시</translation>
    </message>
    <message>
        <location filename="../../gui/panels/display.py" line="44"/>
        <source>Hard labels</source>
        <translation>하드 레이블</translation>
    </message>
    <message>
        <location filename="../../gui/panels/display.py" line="45"/>
        <source>Colours each point by its most responsible component instead of mixing colours by the E-step&apos;s responsibilities.</source>
        <translation>E 단계의 책임도로 색을 섞는 대신, 책임도가 가장 큰 성분의 색으로 각 점을 칠합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/display.py" line="47"/>
        <source>3σ ellipses</source>
        <translation>3σ 타원</translation>
    </message>
    <message>
        <location filename="../../gui/panels/display.py" line="48"/>
        <source>Adds each component&apos;s 3-standard-deviation ellipse to the 1σ and 2σ ones the M-step updates.</source>
        <translation>M 단계가 갱신하는 1σ, 2σ 타원에 각 성분의 3 표준편차 타원을 더합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/display.py" line="51"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/display.py" line="51"/>
        <source>contour lines</source>
        <translation>등고선</translation>
    </message>
    <message>
        <location filename="../../gui/panels/display.py" line="52"/>
        <source>heat map</source>
        <translation>히트맵</translation>
    </message>
    <message>
        <location filename="../../gui/panels/display.py" line="55"/>
        <source>Draws the density of the current mixture, the model EM is improving.</source>
        <translation>현재 혼합 모델(EM이 개선하고 있는 모델)의 밀도를 그립니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/display.py" line="59"/>
        <source>Density</source>
        <translation>밀도</translation>
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
        <translation>성분 {0}
가중치 π = {1}
평균 μ = {2}
{3} = {4}</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain_text.py" line="100"/>
        <source>Point {0} at {1}</source>
        <translation>점 {0}, 위치 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain_text.py" line="116"/>
        <source>sum over j: {0:.3g}; each r_k is its product divided by this sum</source>
        <translation>j에 대한 합: {0:.3g}. r_k = 각 곱 / 이 합</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain_text.py" line="139"/>
        <source>locked: component {0} is frozen, its weight is kept</source>
        <translation>잠금: 성분 {0}이(가) 고정되어 가중치를 유지합니다</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain_text.py" line="141"/>
        <source>locked: keep the weights equal, π = 1/K = {0}</source>
        <translation>잠금: 가중치를 같게 유지, π = 1/K = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain_text.py" line="144"/>
        <source>N_k / N = {0}, scaled to the weight the frozen components leave</source>
        <translation>N_k / N = {0}, 고정된 성분이 남긴 가중치에 맞게 조정</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain_text.py" line="150"/>
        <location filename="../../gui/views/explain_text.py" line="157"/>
        <source>locked: component {0} is frozen</source>
        <translation>잠금: 성분 {0}이(가) 고정됨</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain_text.py" line="159"/>
        <source>locked: covariances fixed at their starting values</source>
        <translation>잠금: 공분산을 시작값으로 고정</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain_text.py" line="161"/>
        <source>shared: the N_k-weighted mean of every component&apos;s, plus reg_covar</source>
        <translation>공유: 모든 성분 공분산의 N_k 가중 평균 + reg_covar</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain_text.py" line="175"/>
        <source>Stopped because |change| {0} &lt; tol {1} at iteration {2}: one step changed little, which does not prove the optimum is reached.</source>
        <translation>{2}번째 반복에서 |변화량| {0} &lt; tol {1}이어서 멈췄습니다. 한 단계의 변화가 작았을 뿐, 최적해에 도달했다는 증거는 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain_text.py" line="180"/>
        <source>Stopped because max_iter {0} was reached (|change| {1}, tol {2}).</source>
        <translation>max_iter {0}에 도달해 멈췄습니다(|변화량| {1}, tol {2}).</translation>
    </message>
</context>
<context>
    <name>ExplainPanel</name>
    <message>
        <location filename="../../gui/views/explain.py" line="67"/>
        <source>The M-step&apos;s formulas with the numbers of the latest E-step, so one iteration can be checked by hand.</source>
        <translation>가장 최근 E 단계의 수치를 넣은 M 단계의 식. 반복 한 번을 손으로 확인할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="69"/>
        <location filename="../../gui/views/explain.py" line="210"/>
        <source>Hover a point to see its responsibilities.</source>
        <translation>점에 마우스를 올리면 책임도가 보입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="62"/>
        <source>The component whose M-step is written out below.</source>
        <extracomment>The default: nothing locked. Width in pixels of a responsibility bar of 1, where the panel has room (at least ``MIN_BAR_PIXELS``). Arrow heads are this fraction of their arrow&apos;s length.</extracomment>
        <translation>아래에 M 단계를 풀어 쓸 성분입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="76"/>
        <source>The E-step for the point under the cursor: its responsibilities r_k, the chance that component k made it, from the parameters the E-step used.</source>
        <translation>커서 아래 점의 E 단계: 그 점의 책임도 r_k, 즉 성분 k가 그 점을 만들었을 확률을 E 단계가 사용한 모수로 계산합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="80"/>
        <source>Keep going (tol 0)</source>
        <translation>계속 실행 (tol 0)</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="81"/>
        <source>Runs EM on from the parameters on screen with tol 0, until you stop it (Esc or Space) or the log-likelihood changes by less than 1e-10.</source>
        <translation>화면의 모수에서 tol 0으로 EM을 계속 실행합니다. 직접 멈추거나(Esc 또는 스페이스) 로그 가능도의 변화가 1e-10보다 작아지면 멈춥니다.</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="87"/>
        <source>Component</source>
        <translation>성분</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="151"/>
        <source>frozen: kept</source>
        <translation>고정: 유지</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="153"/>
        <source>locked: 1/K = {0}</source>
        <translation>잠금: 1/K = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="155"/>
        <source>rescaled (frozen components)</source>
        <translation>다시 조정됨 (고정된 성분)</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="165"/>
        <source>No fit yet.</source>
        <translation>아직 적합 결과가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="167"/>
        <source>Start: the initial parameters</source>
        <translation>시작점: 초기 모수</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="168"/>
        <source>E-step: responsibilities from the parameters</source>
        <translation>E 단계: 모수로부터 책임도 계산</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="169"/>
        <source>M-step: parameters from the responsibilities</source>
        <translation>M 단계: 책임도로부터 모수 계산</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="170"/>
        <source>The best start&apos;s result</source>
        <translation>가장 좋은 시작점의 결과</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="172"/>
        <source>iteration {0}</source>
        <translation>{0}번째 반복</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="176"/>
        <source>From the latest E-step:</source>
        <translation>가장 최근 E 단계에서:</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="181"/>
        <source>Component {0}, before → after:</source>
        <translation>성분 {0}, 이전 → 이후:</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="187"/>
        <source>(frozen: the M-step keeps the old mean)</source>
        <translation>(고정: M 단계가 이전 평균을 유지)</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="189"/>
        <source>Press M to see the M-step&apos;s before → after.</source>
        <translation>M을 누르면 M 단계의 이전 → 이후가 보입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="191"/>
        <source>Mean log-likelihood (1/N) Σ log p(xᵢ) = {0}</source>
        <translation>평균 로그 가능도 (1/N) Σ log p(xᵢ) = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="193"/>
        <source>change since the previous E-step: {0}</source>
        <translation>이전 E 단계 대비 변화량: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="196"/>
        <source>Take an E-step (E) to see the numbers of the M-step&apos;s formulas.</source>
        <translation>E 단계를 진행하면(E) M 단계 식의 수치가 보입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="199"/>
        <source>This M-step re-seeded component {0}</source>
        <translation>이번 M 단계에서 성분 {0}을(를) 다시 초기화했습니다</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="200"/>
        <source>This M-step re-seeded components {0}</source>
        <translation>이번 M 단계에서 성분 {0}을(를) 다시 초기화했습니다</translation>
    </message>
    <message>
        <location filename="../../gui/views/explain.py" line="202"/>
        <source>it had collapsed (almost no responsibility, or a singular covariance),
so it starts again at a point EM explained worst, with the whole data&apos;s covariance.</source>
        <translation>이 성분이 붕괴했으므로(책임도가 거의 없거나 공분산이 특이),
EM이 가장 못 설명한 점에서 전체 데이터의 공분산으로 다시 시작합니다.</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../gui/main/first_run.py" line="109"/>
        <source>Restore &amp;defaults</source>
        <translation>기본값 복원(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/main/first_run.py" line="110"/>
        <source>Puts every setting back to its default, forgets the window&apos;s layout and shows the keys hint again.</source>
        <translation>모든 설정을 기본값으로 되돌리고, 창 배치를 잊고, 키 안내를 다시 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/first_run.py" line="128"/>
        <source>Every setting is back to its default.</source>
        <translation>모든 설정을 기본값으로 되돌렸습니다.</translation>
    </message>
</context>
<context>
    <name>FitCriteria</name>
    <message>
        <location filename="../../gui/main/criteria.py" line="62"/>
        <source>BIC = -2 log L + p log N and AIC = -2 log L + 2 p of the mixture on the canvas (L its likelihood of the N points, p its free parameters), exactly as scikit-learn&apos;s bic() and aic(): lower is better. mclust&apos;s BIC is minus this.</source>
        <extracomment>Parameters on screen this long without an E-step&apos;s log-likelihood are scored in a job, in milliseconds.</extracomment>
        <translation>캔버스에 있는 혼합 모델의 BIC = -2 log L + p log N, AIC = -2 log L + 2 p(L은 N개 점에 대한 가능도, p는 자유 모수의 수)로, scikit-learn의 bic(), aic()와 똑같습니다: 낮을수록 좋습니다. mclust의 BIC는 이 값에 음수를 취한 것입니다.</translation>
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
        <translation>수동</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="32"/>
        <source>Auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="33"/>
        <source>Visible Data Only</source>
        <translation>보이는 데이터만</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="34"/>
        <source>Auto Pan Only</source>
        <translation>자동 이동만</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="35"/>
        <source>Invert Axis</source>
        <translation>축 뒤집기</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="36"/>
        <source>Mouse Enabled</source>
        <translation>마우스 사용</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="37"/>
        <source>Link Axis:</source>
        <translation>축 연결:</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <location filename="../../gui/i18n/outside.py" line="25"/>
        <source>Export...</source>
        <translation>내보내기...</translation>
    </message>
</context>
<context>
    <name>HistogramView</name>
    <message>
        <location filename="../../gui/views/histogram.py" line="94"/>
        <source>density</source>
        <extracomment>Points on the density curves. At most this many points are drawn in the rug (an evenly spaced subset of the view rows).</extracomment>
        <translation>밀도</translation>
    </message>
</context>
<context>
    <name>ImageMode</name>
    <message>
        <location filename="../../gui/image/controller.py" line="174"/>
        <source>Open picture</source>
        <extracomment>Shortest time between two drawn previews, in milliseconds.</extracomment>
        <translation>그림 열기</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="175"/>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;All files (*)</source>
        <translation>그림 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="185"/>
        <source>Reading {0}...</source>
        <translation>{0} 읽는 중...</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="200"/>
        <source>GMM Explorer - Image - {0}</source>
        <translation>GMM Explorer - 이미지 - {0}</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="201"/>
        <source>{0}: {1} x {2} pixels. Press Segment.</source>
        <translation>{0}: {1} x {2} 픽셀. &apos;분할&apos;을 누르세요.</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="209"/>
        <source>Could not open the picture; nothing changed.</source>
        <translation>그림을 열 수 없습니다. 바뀐 것은 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="211"/>
        <source>Cannot open the picture</source>
        <translation>그림을 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="217"/>
        <source>No picture</source>
        <translation>그림 없음</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="217"/>
        <source>Open a picture first.</source>
        <translation>먼저 그림을 여세요.</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="223"/>
        <source>Cannot segment</source>
        <translation>분할할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="231"/>
        <source>Waiting for the stopped segmentation to end (its robust start or its labelling of every pixel cannot be interrupted)...</source>
        <translation>정지한 분할이 끝나기를 기다리는 중(강건한 초기화와 모든 픽셀의 레이블 지정은 중단할 수 없습니다)...</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="242"/>
        <source>Starting: pixel features and a robust start...</source>
        <translation>시작: 픽셀 특성과 강건한 초기화...</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="262"/>
        <location filename="../../gui/image/controller.py" line="271"/>
        <source>Stopped.</source>
        <translation>정지했습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="272"/>
        <source>Stopped at EM iteration {0}; the picture shows that iteration&apos;s segments.</source>
        <translation>EM {0}번째 반복에서 정지했습니다. 그림은 그 반복의 영역을 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="283"/>
        <source>EM iteration {0}, log-likelihood per pixel {1:.4f}</source>
        <translation>EM {0}번째 반복, 픽셀당 로그 가능도 {1:.4f}</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="286"/>
        <source>EM starting from the robust initialisation...</source>
        <translation>EM이 강건한 초기화에서 시작하는 중...</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="296"/>
        <source>Done: {0} segments, every pixel labelled (log-likelihood per pixel {1:.4f}).</source>
        <translation>완료: 영역 {0}개, 모든 픽셀에 레이블 지정(픽셀당 로그 가능도 {1:.4f}).</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="302"/>
        <source>Segmentation failed</source>
        <translation>분할 실패</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="361"/>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 그림 (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="361"/>
        <source>Model files (*.json)</source>
        <translation>모델 파일 (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="364"/>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="377"/>
        <location filename="../../gui/image/controller.py" line="400"/>
        <source>Cannot export</source>
        <translation>내보낼 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="388"/>
        <source>Writing {0}...</source>
        <translation>{0} 쓰는 중...</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="394"/>
        <source>Wrote {0}.</source>
        <translation>{0}을(를) 썼습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/controller.py" line="399"/>
        <source>Nothing was written.</source>
        <translation>아무것도 쓰지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>ImageView</name>
    <message>
        <location filename="../../gui/image/window.py" line="96"/>
        <source>GMM Explorer - Image</source>
        <extracomment>The size the window opens at on a screen with room for it; smaller screens get what they have. The run keys: Space segments (or stops a running fit), Esc stops.</extracomment>
        <translation>GMM Explorer - 이미지</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="120"/>
        <source>Number of segments K: the mixture&apos;s components.</source>
        <translation>영역 수 K: 혼합 모델의 성분 수.</translation>
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
        <translation>픽셀의 색 특성: [0, 1]로 조정한 RGB 또는 CIE Lab.</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="128"/>
        <source>Weight of the pixel&apos;s (x, y) position among its features; 0 uses colour only, larger values give more compact segments.</source>
        <translation>픽셀 위치 (x, y)가 특성에서 차지하는 가중치. 0이면 색만 쓰고, 값이 클수록 영역이 더 조밀해집니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="133"/>
        <source>all pixels</source>
        <translation>모든 픽셀</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="134"/>
        <source>Fit on this many random pixels (0: all pixels); every pixel is labelled at the end. Pictures above 1 megapixel start with a sample.</source>
        <translation>이만큼의 무작위 픽셀로 적합합니다(0: 모든 픽셀). 마지막에는 모든 픽셀에 레이블을 붙입니다. 100만 픽셀이 넘는 그림은 표본으로 시작합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="137"/>
        <source>Mean colour</source>
        <translation>평균 색</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="137"/>
        <source>Palette</source>
        <translation>팔레트</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="138"/>
        <source>Soft blend</source>
        <translation>부드러운 혼합</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="140"/>
        <source>Paint each pixel with its segment&apos;s mean colour, a distinct palette colour, or a blend of the mean colours weighted by responsibility.</source>
        <translation>각 픽셀을 그 영역의 평균 색, 서로 다른 팔레트 색, 또는 책임도로 가중한 평균 색의 혼합으로 칠합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="143"/>
        <source>Segments (K)</source>
        <translation>영역 수 (K)</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="144"/>
        <source>Features</source>
        <translation>특성</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="145"/>
        <source>Spatial weight</source>
        <translation>공간 가중치</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="146"/>
        <source>Sample size</source>
        <translation>표본 크기</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="147"/>
        <source>Paint</source>
        <translation>칠하기</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="148"/>
        <source>Segment</source>
        <translation>분할</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="149"/>
        <source>Fit the mixture to the picture&apos;s pixels and label every pixel.</source>
        <translation>혼합 모델을 그림의 픽셀에 적합하고 모든 픽셀에 레이블을 붙입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="151"/>
        <location filename="../../gui/image/window.py" line="262"/>
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="152"/>
        <source>Stop the running fit; the last preview stays shown.</source>
        <translation>실행 중인 적합을 멈춥니다. 마지막 미리 보기는 그대로 남습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="160"/>
        <source>Working in the background: the window stays usable.</source>
        <translation>백그라운드에서 작업 중: 창은 계속 쓸 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="162"/>
        <source>Open a picture (File &gt; Open picture, or drop one here).</source>
        <translation>그림을 여세요(파일 &gt; 그림 열기, 또는 여기에 끌어다 놓기).</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="164"/>
        <source>What the Image mode is doing.</source>
        <translation>이미지 모드가 하고 있는 일.</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="165"/>
        <source>Segments (share of pixels)</source>
        <translation>영역 (픽셀 비율)</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="166"/>
        <source>Click a segment to show only it; click it again to show all.</source>
        <translation>영역을 클릭하면 그것만 보이고, 다시 클릭하면 모두 보입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="168"/>
        <source>Each segment&apos;s colour and share of the picture&apos;s pixels. Click one to show only it (mask view); click it again to show all.</source>
        <translation>각 영역의 색과 그림 픽셀에서 차지하는 비율. 하나를 클릭하면 그것만 보이고(마스크 보기), 다시 클릭하면 모두 보입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="199"/>
        <source>Left: the picture. Right: the segmentation, redrawn while EM runs. Click a segment to show only it; click it again to show all.</source>
        <translation>왼쪽: 원본 그림. 오른쪽: EM이 실행되는 동안 다시 그려지는 분할 결과. 영역을 클릭하면 그것만 보이고, 다시 클릭하면 모두 보입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="213"/>
        <source>The picture and its segmentation side by side; the slider below shows the original over the segmentation, at the same place.</source>
        <translation>그림과 그 분할 결과를 나란히 보여 줍니다. 아래 슬라이더는 같은 위치에서 분할 결과 위에 원본을 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="211"/>
        <source>Picture</source>
        <translation>그림</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="212"/>
        <source>Colour space</source>
        <translation>색 공간</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="215"/>
        <source>The pixels as points in colour space, with the components&apos; ellipses.</source>
        <translation>색 공간의 점으로 나타낸 픽셀과 성분들의 타원.</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="225"/>
        <source>&amp;Open picture...</source>
        <translation>그림 열기(&amp;O)...</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="225"/>
        <source>Open a PNG, JPEG, BMP or TIFF picture.</source>
        <translation>PNG, JPEG, BMP 또는 TIFF 그림을 엽니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="228"/>
        <source>Export segmented &amp;picture...</source>
        <translation>분할한 그림 내보내기(&amp;P)...</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="228"/>
        <source>Save the segmented picture as PNG.</source>
        <translation>분할한 그림을 PNG로 저장합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="230"/>
        <source>Export &amp;label map...</source>
        <translation>레이블 맵 내보내기(&amp;L)...</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="231"/>
        <source>Save each pixel&apos;s segment index as a PNG and a .npy file.</source>
        <translation>각 픽셀의 영역 번호를 PNG와 .npy 파일로 저장합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="233"/>
        <source>Export &amp;masks...</source>
        <translation>마스크 내보내기(&amp;M)...</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="233"/>
        <source>Save one black-and-white mask PNG per segment.</source>
        <translation>영역마다 흑백 마스크 PNG를 하나씩 저장합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="235"/>
        <source>Export &amp;model...</source>
        <translation>모델 내보내기(&amp;M)...</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="236"/>
        <source>Save the fitted mixture as JSON, with the pixel features in its image block.</source>
        <translation>적합한 혼합 모델을 JSON으로 저장합니다. 픽셀 특성은 그 안의 이미지 블록에 들어갑니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="239"/>
        <source>&amp;Close</source>
        <translation>닫기(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="239"/>
        <source>Close the Image mode window.</source>
        <translation>이미지 모드 창을 닫습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="240"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="248"/>
        <source>&amp;Restore defaults</source>
        <translation>기본값 복원(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="249"/>
        <source>Put every control of the Image window back to its default (K, features, spatial weight, paint, axes, split).</source>
        <translation>이미지 창의 모든 컨트롤을 기본값으로 되돌립니다(K, 특성, 공간 가중치, 그리기, 축, 경계).</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="252"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="259"/>
        <source>Segment or stop</source>
        <translation>분할 또는 정지</translation>
    </message>
    <message>
        <location filename="../../gui/image/window.py" line="330"/>
        <source>Segment {0}: {1:.1f} %</source>
        <translation>영역 {0}: {1:.1f} %</translation>
    </message>
</context>
<context>
    <name>KMeansView</name>
    <message>
        <location filename="../../gui/lessons/kmeans_view.py" line="32"/>
        <source>Lloyd&apos;s k-means</source>
        <translation>Lloyd의 k-means</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/kmeans_view.py" line="36"/>
        <source>Lloyd&apos;s algorithm from EM&apos;s starting means, after as many iterations as EM on the canvas: points coloured by their nearest centre.</source>
        <translation>EM의 시작 평균에서 출발해 캔버스의 EM과 같은 횟수만큼 반복한 Lloyd 알고리즘: 점은 가장 가까운 중심의 색으로 칠합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/kmeans_view.py" line="44"/>
        <source>The largest distance between a mean of EM and the matching centre of Lloyd&apos;s algorithm.</source>
        <translation>EM의 평균과 그에 대응하는 Lloyd 알고리즘 중심 사이의 최대 거리.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/kmeans_view.py" line="73"/>
        <source>After {0} iterations, EM&apos;s means are at most {1:.1e} from Lloyd&apos;s centres.</source>
        <translation>{0}번 반복한 뒤 EM의 평균은 Lloyd의 중심과 최대 {1:.1e}만큼 떨어져 있습니다.</translation>
    </message>
</context>
<context>
    <name>KeysHint</name>
    <message>
        <location filename="../../gui/main/first_run.py" line="48"/>
        <source>&lt;b&gt;Space&lt;/b&gt; runs EM · &lt;b&gt;N&lt;/b&gt; one iteration · &lt;b&gt;E&lt;/b&gt; / &lt;b&gt;M&lt;/b&gt; a half-step · &lt;b&gt;R&lt;/b&gt; back to the start · drag a mean to move it · hover a point for its numbers</source>
        <extracomment>The hint&apos;s name in the settings. The demo&apos;s pace at the first launch, in milliseconds per iteration. The demo&apos;s start at the first launch.</extracomment>
        <translation>&lt;b&gt;스페이스&lt;/b&gt; EM 실행 · &lt;b&gt;N&lt;/b&gt; 한 번 반복 · &lt;b&gt;E&lt;/b&gt; / &lt;b&gt;M&lt;/b&gt; 반 단계 · &lt;b&gt;R&lt;/b&gt; 시작점으로 · 평균을 드래그해 이동 · 점에 마우스를 올려 수치 보기</translation>
    </message>
    <message>
        <location filename="../../gui/main/first_run.py" line="54"/>
        <source>Got it</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../../gui/main/first_run.py" line="55"/>
        <source>Hides this hint for good (View &gt; Restore defaults shows it again).</source>
        <translation>이 안내를 더 이상 보이지 않습니다(&apos;보기 &gt; 기본값 복원&apos;으로 다시 볼 수 있습니다).</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../gui/i18n/switching.py" line="212"/>
        <source>Lan&amp;guage</source>
        <translation>언어(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/switching.py" line="216"/>
        <source>System</source>
        <translation>시스템 설정</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/switching.py" line="217"/>
        <source>Follows the language of the system.</source>
        <translation>시스템의 언어를 따릅니다.</translation>
    </message>
</context>
<context>
    <name>LessonDock</name>
    <message>
        <location filename="../../gui/lessons/dock.py" line="50"/>
        <source>Lesson</source>
        <translation>레슨</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="64"/>
        <source>Keep going (tol 0)</source>
        <translation>계속 실행 (tol 0)</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="65"/>
        <source>Runs EM on from the parameters on screen with tol 0: all max iterations, however small the change.</source>
        <translation>화면의 모수에서 tol 0으로 EM을 이어서 실행합니다: 변화가 아무리 작아도 최대 반복 횟수까지 실행합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="68"/>
        <source>reg_covar = {0:g}</source>
        <translation>reg_covar = {0:g}</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="69"/>
        <source>Adds reg_covar to every variance in the M-step (0 when off), and goes back to the start.</source>
        <translation>M 단계에서 모든 분산에 reg_covar를 더하고(끄면 0) 시작점으로 돌아갑니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="73"/>
        <source>Leave lesson</source>
        <translation>레슨 나가기</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="74"/>
        <source>Ends the lesson and brings back your data, settings and view as they were.</source>
        <translation>레슨을 끝내고 원래의 데이터, 설정, 보기를 그대로 되돌립니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="76"/>
        <source>All lessons</source>
        <translation>모든 레슨</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="77"/>
        <source>Shows the list of lessons (the lesson stays open until you choose another or leave).</source>
        <translation>레슨 목록을 보여 줍니다(다른 레슨을 고르거나 나가기 전까지 지금 레슨은 열려 있습니다).</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="138"/>
        <source>Set up</source>
        <translation>준비</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="138"/>
        <source>What to do</source>
        <translation>해 볼 것</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/dock.py" line="139"/>
        <source>What to notice</source>
        <translation>눈여겨볼 것</translation>
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
        <translation>모든 레슨…</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/guide.py" line="130"/>
        <source>Shows the list of lessons in the Lesson panel.</source>
        <translation>&apos;레슨&apos; 패널에 레슨 목록을 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/guide.py" line="133"/>
        <source>Leave lesson</source>
        <translation>레슨 나가기</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/guide.py" line="134"/>
        <source>Ends the lesson and brings back your data, settings and view.</source>
        <translation>레슨을 끝내고 데이터, 설정, 보기를 되돌립니다.</translation>
    </message>
</context>
<context>
    <name>LessonList</name>
    <message>
        <location filename="../../gui/lessons/lesson_list.py" line="29"/>
        <source>The classic EM examples: each sets up its data, model, start and view in one click. Leaving a lesson brings back your own data and settings.</source>
        <extracomment>The item data role that holds a lesson&apos;s key.</extracomment>
        <translation>EM의 고전적인 예제: 클릭 한 번으로 데이터, 모델, 시작점, 보기를 준비합니다. 레슨을 나가면 내 데이터와 설정이 돌아옵니다.</translation>
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
        <translation>선택한 레슨이 준비하는 내용.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/lesson_list.py" line="42"/>
        <source>Open lesson</source>
        <translation>레슨 열기</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/lesson_list.py" line="43"/>
        <source>Sets up the selected lesson; your data and settings come back when you leave it.</source>
        <translation>선택한 레슨을 준비합니다. 레슨을 나가면 내 데이터와 설정이 돌아옵니다.</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="98"/>
        <source>Three blobs from the tutorial start</source>
        <extracomment>The translation context of every lesson text. a button that runs EM on from where it stopped, with tol 0 a switch between reg_covar 0 and ``setups.SINGULAR_REG_COVAR`` a small plot of Lloyd&apos;s k-means from the same centres, in step with EM</extracomment>
        <translation>튜토리얼 시작점에서 출발하는 세 덩어리</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="99"/>
        <source>EM starts as the textbooks do: three data points chosen at random as the means, identity covariances (the circles) and equal weights 1/3. Here all three start in the same blob.</source>
        <translation>EM이 교과서처럼 시작합니다: 데이터 점 세 개를 무작위로 골라 평균으로 삼고, 공분산은 단위 행렬(원), 가중치는 모두 1/3. 여기서는 세 시작점이 모두 같은 덩어리 안에 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="102"/>
        <source>Press E: the E-step colours each point by its responsibilities. Press M: the M-step moves the weights, means and ellipses. N does both; Space runs to the end.</source>
        <translation>E를 누르세요: E 단계가 책임도에 따라 각 점을 칠합니다. M을 누르세요: M 단계가 가중치, 평균, 타원을 옮깁니다. N은 둘 다 하고, 스페이스는 끝까지 실행합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="105"/>
        <source>The means leave the top blob one by one. After 15 iterations the weights are 0.27, 0.52 and 0.21 (the data were drawn with 0.3, 0.5 and 0.2). The log-likelihood in the plot below never goes down.</source>
        <translation>평균들이 위쪽 덩어리를 하나씩 떠납니다. 15번 반복한 뒤 가중치는 0.27, 0.52, 0.21입니다(데이터는 0.3, 0.5, 0.2로 뽑았습니다). 아래 그래프의 로그 가능도는 한 번도 줄지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="112"/>
        <source>Two Gaussians in 1-D: tol stops EM early</source>
        <translation>1차원의 두 가우시안: tol 때문에 EM이 일찍 멈춤</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="113"/>
        <source>The classic start: weights 0.5 and 0.5, means 0 and 1, variances 1. The 400 points were drawn with weights 0.25 and 0.75.</source>
        <translation>고전적인 시작점: 가중치 0.5와 0.5, 평균 0과 1, 분산 1. 400개의 점은 가중치 0.25와 0.75로 뽑았습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="115"/>
        <source>Press Space. Then press Keep going: EM goes on from where it stopped, with tol 0 (all 100 iterations).</source>
        <translation>스페이스를 누르세요. 그다음 &apos;계속 실행&apos;을 누르세요: EM이 멈춘 곳에서 tol 0으로 이어서 실행합니다(100번 반복 모두).</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="117"/>
        <source>With tol = 0.001 EM stops after 6 iterations at weights 0.51 and 0.49: it stops when the log-likelihood changes by less than tol, not when it is near the answer. Keep going reaches weights 0.25 and 0.75, means -2.04 and 0.91. Setting tol to 0 and pressing Space from the start gets there too.</source>
        <translation>tol = 0.001이면 EM은 6번 반복한 뒤 가중치 0.51과 0.49에서 멈춥니다: 답에 가까워져서가 아니라 로그 가능도의 변화가 tol보다 작아져서 멈추는 것입니다. 계속 실행하면 가중치 0.25와 0.75, 평균 -2.04와 0.91에 이릅니다. tol을 0으로 두고 시작점에서 스페이스를 눌러도 거기에 이릅니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="126"/>
        <source>Four clusters with a known covariance</source>
        <translation>공분산을 아는 네 군집</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="127"/>
        <source>Four clusters that share the covariance 30 I. When the covariance is known, only the means and weights are left to estimate: the covariances are locked at 30 I (Model panel: Covariances fixed).</source>
        <translation>공분산 30 I를 공유하는 네 군집. 공분산을 알면 추정할 것은 평균과 가중치뿐입니다: 공분산은 30 I로 잠겨 있습니다(모델 패널: 공분산 고정).</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="130"/>
        <source>Press N a few times, then Space.</source>
        <translation>N을 몇 번 누른 다음 스페이스를 누르세요.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="131"/>
        <source>The circles keep their size; only the means and weights move. After 11 iterations the means are near the true (5, 35), (30, 40), (20, 20) and (45, 15), with weights 0.11, 0.19, 0.32 and 0.38 (drawn with 0.1, 0.2, 0.3 and 0.4).</source>
        <translation>원의 크기는 그대로이고 평균과 가중치만 움직입니다. 11번 반복한 뒤 평균은 참값 (5, 35), (30, 40), (20, 20), (45, 15) 가까이에 있고, 가중치는 0.11, 0.19, 0.32, 0.38입니다(뽑을 때는 0.1, 0.2, 0.3, 0.4).</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="139"/>
        <source>EM and k-means</source>
        <translation>EM과 k-means</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="140"/>
        <source>Equal weights and every covariance fixed at a tiny circle (variance 0.00001): each responsibility is 0 or 1, and EM becomes Lloyd&apos;s k-means. The canvas shows EM, the small plot Lloyd&apos;s algorithm from the same centres.</source>
        <translation>가중치는 모두 같고 모든 공분산은 아주 작은 원(분산 0.00001)으로 고정: 책임도는 모두 0 아니면 1이 되고, EM은 Lloyd의 k-means가 됩니다. 캔버스는 EM을, 작은 그래프는 같은 중심에서 출발한 Lloyd 알고리즘을 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="144"/>
        <source>Press N and compare the two pictures; Space runs on.</source>
        <translation>N을 누르고 두 그림을 비교하세요. 스페이스를 누르면 계속 실행합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="145"/>
        <source>The E-step gives each point to its nearest mean, the M-step moves each mean to the average of its points: Lloyd&apos;s two steps. After every iteration the means agree to rounding (see under the plot).</source>
        <translation>E 단계는 각 점을 가장 가까운 평균에 주고, M 단계는 각 평균을 자기 점들의 평균 위치로 옮깁니다: Lloyd 알고리즘의 두 단계입니다. 반복할 때마다 평균들은 반올림 오차 안에서 일치합니다(그래프 아래 참고).</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="153"/>
        <source>Local optima</source>
        <translation>국소 최적해</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="154"/>
        <source>The same model (K = 4, tutorial start) from eight starts on the same data. The strip under the Explain panel shows each start&apos;s final mean log-likelihood; EM keeps the highest.</source>
        <translation>같은 모델(K = 4, 튜토리얼 시작점)을 같은 데이터에서 여덟 개의 시작점으로 실행합니다. &apos;설명&apos; 패널 아래의 띠는 각 시작점의 최종 평균 로그 가능도를 보여 줍니다. EM은 가장 높은 것을 남깁니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="157"/>
        <source>Press Space and wait for the eight starts. Click a point in the strip to see that start&apos;s fit.</source>
        <translation>스페이스를 누르고 여덟 개의 시작점이 끝나기를 기다리세요. 띠의 점을 클릭하면 그 시작점의 적합 결과가 보입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="159"/>
        <source>The starts end at four levels: about -4.8, -4.6, -4.4 and -4.2. The lower ones are local optima, where one component covers two clusters while two share another. Several starts (n_init) guard against them.</source>
        <translation>시작점들은 네 수준에서 끝납니다: 약 -4.8, -4.6, -4.4, -4.2. 낮은 것들은 국소 최적해로, 한 성분이 두 군집을 덮고 다른 두 성분이 한 군집을 나눠 가집니다. 여러 번의 시작(n_init)이 이를 막아 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="166"/>
        <source>Singularities</source>
        <translation>특이점</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="167"/>
        <source>Three components fit the three blobs; a fourth, small one (variance 0.5) starts on a single point at the edge. reg_covar is 0.</source>
        <translation>세 성분이 세 덩어리를 적합하고, 작은 네 번째 성분(분산 0.5)이 가장자리의 한 점에서 시작합니다. reg_covar는 0입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="169"/>
        <source>Press Space (EM waits half a second per iteration). Then switch reg_covar on below and press Space again.</source>
        <translation>스페이스를 누르세요(EM은 반복마다 0.5초 기다립니다). 그다음 아래에서 reg_covar를 켜고 스페이스를 다시 누르세요.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="171"/>
        <source>The fourth circle shrinks onto its point and the log-likelihood climbs faster and faster: a Gaussian on one point has no bound on its density. At iteration 8 its variance is zero up to rounding, and EM re-seeds it at the worst-explained point (the status bar says so; a cross marks it in the plot). With reg_covar = 0.01 the variance cannot fall below 0.01 and the log-likelihood levels off.</source>
        <translation>네 번째 원이 자기 점 위로 줄어들고 로그 가능도는 점점 더 빨리 올라갑니다: 한 점 위의 가우시안은 밀도에 상한이 없습니다. 8번째 반복에서 그 분산은 반올림 오차 안에서 0이 되고, EM은 그 성분을 가장 못 설명한 점에서 다시 초기화합니다(상태 표시줄에 나오고, 그래프에는 X 표시가 붙습니다). reg_covar = 0.01이면 분산은 0.01 아래로 내려갈 수 없고 로그 가능도는 평평해집니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="182"/>
        <source>Two coins (Do and Batzoglou)</source>
        <translation>두 동전 (Do와 Batzoglou)</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="183"/>
        <source>Five sets of 10 tosses, each made with coin A or coin B, picked with probability 1/2; which coin made which set is hidden. Start: θA = 0.6, θB = 0.5.</source>
        <translation>10번씩 던진 다섯 묶음. 각 묶음은 동전 A나 동전 B로 던졌고, 동전은 1/2의 확률로 골랐습니다. 어느 묶음을 어느 동전으로 던졌는지는 숨겨져 있습니다. 시작점: θA = 0.6, θB = 0.5.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="186"/>
        <source>Press E: the table gives each coin&apos;s responsibility r for each set and the heads H and tails T credited to it. Press M: θ = H / (H + T) for each coin. N does both; Space runs to the end.</source>
        <translation>E를 누르세요: 표는 각 묶음에 대한 동전별 책임도 r와 그 동전에 배정된 앞면 수 H, 뒷면 수 T를 보여 줍니다. M을 누르세요: 각 동전에 대해 θ = H / (H + T). N은 둘 다 하고, 스페이스는 끝까지 실행합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="189"/>
        <source>After one iteration θA = 0.71 and θB = 0.58, after ten 0.80 and 0.52. Knowing the coins (B, A, A, B, A) would give 0.80 and 0.45: the star. EM&apos;s path climbs the log-likelihood contours.</source>
        <translation>한 번 반복한 뒤 θA = 0.71, θB = 0.58이고, 열 번 뒤에는 0.80과 0.52입니다. 동전이 (B, A, A, B, A)임을 안다면 0.80과 0.45가 됩니다: 별표. EM의 경로는 로그 가능도 등고선을 따라 올라갑니다.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="197"/>
        <source>Three coins (Li Hang)</source>
        <translation>세 동전 (리항)</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="198"/>
        <source>Coin A picks coin B with probability π, else coin C; B shows heads with probability p, C with q. Only the ten results of B or C are seen: 1, 1, 0, 1, 0, 0, 1, 0, 1, 1.</source>
        <translation>동전 A가 확률 π로 동전 B를, 아니면 동전 C를 고릅니다. B는 확률 p로, C는 확률 q로 앞면이 나옵니다. B나 C를 던진 열 번의 결과만 보입니다: 1, 1, 0, 1, 0, 0, 1, 0, 1, 1.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="201"/>
        <source>Press N, then Space. Then choose the other start (beside the plane) and do it again.</source>
        <translation>N을 누른 다음 스페이스를 누르세요. 그다음 다른 시작점을 고르고(평면 옆) 다시 해 보세요.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/catalogue.py" line="203"/>
        <source>From (π, p, q) = (0.5, 0.5, 0.5) EM ends at (0.5, 0.6, 0.6); from (0.4, 0.6, 0.7) at (0.4064, 0.5368, 0.6432). Both have the same likelihood: every (p, q) with π p + (1 - π) q = 0.6 is a maximum (the straight contours), so the answer depends on the start.</source>
        <translation>(π, p, q) = (0.5, 0.5, 0.5)에서 시작하면 EM은 (0.5, 0.6, 0.6)에서 끝나고, (0.4, 0.6, 0.7)에서 시작하면 (0.4064, 0.5368, 0.6432)에서 끝납니다. 두 결과의 가능도는 같습니다: π p + (1 - π) q = 0.6인 모든 (p, q)가 최댓값이므로(직선 등고선) 답은 시작점에 따라 달라집니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main/actions.py" line="43"/>
        <source>&amp;Open data or model…</source>
        <translation>데이터 또는 모델 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="43"/>
        <source>Loads a CSV or NPY data set for EM to fit, or a JSON model to start from.</source>
        <translation>EM이 적합할 CSV 또는 NPY 데이터 집합을 불러오거나, 시작점으로 쓸 JSON 모델을 불러옵니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="46"/>
        <source>Open &amp;model…</source>
        <translation>모델 열기(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="46"/>
        <source>Loads a JSON model: it is shown on the data and Run continues EM from it.</source>
        <translation>JSON 모델을 불러옵니다: 데이터 위에 표시되고, 실행하면 EM이 이 모델에서 이어집니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="48"/>
        <source>Open &amp;picture…</source>
        <translation>그림 열기(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="48"/>
        <source>Opens a PNG, JPEG, BMP or TIFF picture in Image mode, to segment it by colour.</source>
        <translation>PNG, JPEG, BMP 또는 TIFF 그림을 이미지 모드에서 열어 색으로 분할합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="50"/>
        <source>&amp;Export model…</source>
        <translation>모델 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="50"/>
        <source>Saves the current parameters (weights, means, covariances) as a JSON model.</source>
        <translation>현재 모수(가중치, 평균, 공분산)를 JSON 모델로 저장합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="53"/>
        <source>Export &amp;labels and responsibilities…</source>
        <translation>레이블과 책임도 내보내기(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="53"/>
        <source>Saves each point&apos;s most likely component and its responsibilities under the current parameters as CSV.</source>
        <translation>현재 모수에서 각 점이 속할 가능성이 가장 큰 성분과 책임도를 CSV로 저장합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="56"/>
        <source>Save canvas as &amp;PNG…</source>
        <translation>캔버스를 PNG로 저장(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="56"/>
        <source>Saves the picture of the data and the mixture as a PNG image.</source>
        <translation>데이터와 혼합 모델의 그림을 PNG 이미지로 저장합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="58"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="58"/>
        <source>Stops EM and closes the window.</source>
        <translation>EM을 멈추고 창을 닫습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="60"/>
        <location filename="../../gui/main/actions.py" line="168"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="60"/>
        <source>Runs EM iteration after iteration, or pauses it where it is.</source>
        <translation>EM을 반복에 반복을 거듭해 실행하거나, 그 자리에서 일시 정지합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="62"/>
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="62"/>
        <source>Stops EM after the current half-step; the last parameters stay on screen.</source>
        <translation>현재 반 단계가 끝나면 EM을 멈춥니다. 마지막 모수는 화면에 남습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="64"/>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="64"/>
        <source>Runs EM to the end of the next iteration (E-step then M-step) and pauses.</source>
        <translation>다음 반복이 끝날 때까지(E 단계 다음 M 단계) EM을 실행하고 일시 정지합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="66"/>
        <source>E-step</source>
        <translation>E 단계</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="66"/>
        <source>Runs EM up to its next E-step: new responsibilities (colours) and log-likelihood, same parameters.</source>
        <translation>다음 E 단계까지 EM을 실행합니다: 새 책임도(색)와 로그 가능도, 모수는 그대로.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="69"/>
        <source>M-step</source>
        <translation>M 단계</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="69"/>
        <source>Runs EM up to its next M-step: new weights, means and covariances from the responsibilities.</source>
        <translation>다음 M 단계까지 EM을 실행합니다: 책임도로부터 새 가중치, 평균, 공분산.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="71"/>
        <source>Reset</source>
        <translation>재설정</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="71"/>
        <source>Goes back to EM&apos;s starting parameters for the current settings and pauses there.</source>
        <translation>현재 설정에서 EM의 시작 모수로 돌아가 그곳에서 일시 정지합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="73"/>
        <source>Show &amp;all points</source>
        <translation>모든 점 보기(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="73"/>
        <source>Zooms the view out to all the points (EM is not affected).</source>
        <translation>모든 점이 보이도록 화면을 축소합니다(EM에는 영향이 없습니다).</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="75"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>키보드 단축키(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="75"/>
        <source>Lists the keys that drive EM.</source>
        <translation>EM을 조작하는 키를 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="77"/>
        <source>&amp;About GMM Explorer</source>
        <translation>GMM Explorer 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="77"/>
        <source>What this program is.</source>
        <translation>이 프로그램에 대하여.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="78"/>
        <source>&amp;Lessons…</source>
        <translation>레슨(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="78"/>
        <source>Lists the lessons: the classic EM examples, each set up with one click.</source>
        <translation>레슨 목록: EM의 고전적인 예제를 클릭 한 번으로 준비합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="84"/>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="86"/>
        <source>Undoes the latest edit of the data (painting, erasing, clearing).</source>
        <translation>데이터의 가장 최근 편집(그리기, 지우기, 모두 지우기)을 취소합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="87"/>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="89"/>
        <source>Does again the edit of the data that was undone.</source>
        <translation>취소한 데이터 편집을 다시 합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="90"/>
        <source>Export &amp;data as CSV…</source>
        <translation>데이터를 CSV로 내보내기(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="90"/>
        <source>Saves the points (and their true classes, if they have any) as a CSV file.</source>
        <translation>점들을(참 클래스가 있으면 함께) CSV 파일로 저장합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="92"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="96"/>
        <source>Open &amp;recent</source>
        <translation>최근 파일(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="104"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="108"/>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="115"/>
        <source>&amp;View</source>
        <extracomment>Actions of other modules with shortcuts, listed by Help &gt; Keyboard shortcuts after the window&apos;s own.</extracomment>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="118"/>
        <source>&amp;Lessons</source>
        <translation>레슨(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="119"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="149"/>
        <source>Keyboard shortcuts</source>
        <translation>키보드 단축키</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="154"/>
        <source>Open data or model</source>
        <translation>데이터 또는 모델 열기</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="155"/>
        <source>Data or model (*.csv *.txt *.tsv *.npy *.json);;Data (*.csv *.txt *.tsv *.npy);;Model (*.json);;Picture, opens in Image mode (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;All files (*)</source>
        <translation>데이터 또는 모델 (*.csv *.txt *.tsv *.npy *.json);;데이터 (*.csv *.txt *.tsv *.npy);;모델 (*.json);;그림, 이미지 모드에서 열림 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="160"/>
        <source>Open model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="160"/>
        <source>Model (*.json);;All files (*)</source>
        <translation>모델 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="163"/>
        <source>About GMM Explorer</source>
        <translation>GMM Explorer 정보</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="163"/>
        <source>GMM Explorer fits Gaussian mixture models with expectation-maximisation and shows every step.</source>
        <translation>GMM Explorer는 기댓값 최대화(EM) 알고리즘으로 가우시안 혼합 모델을 적합하고 그 모든 단계를 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="168"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="176"/>
        <source>Whether EM is running, paused, converged or stopped.</source>
        <translation>EM이 실행 중인지, 일시 정지했는지, 수렴했는지, 정지했는지.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="177"/>
        <source>The EM iteration and half-step (E or M) on screen.</source>
        <translation>화면에 보이는 EM의 반복 횟수와 반 단계(E 또는 M).</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="178"/>
        <source>Mean log-likelihood per point after the latest E-step: EM never lowers it.</source>
        <translation>가장 최근 E 단계 뒤의 점당 평균 로그 가능도: EM은 이 값을 결코 낮추지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="179"/>
        <source>Change of the mean log-likelihood in the latest iteration; EM stops when it is below tol.</source>
        <translation>가장 최근 반복에서 평균 로그 가능도의 변화량. tol보다 작아지면 EM이 멈춥니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/actions.py" line="180"/>
        <source>Compute time of one EM iteration, without the speed delay.</source>
        <translation>속도 지연을 뺀 EM 반복 한 번의 계산 시간.</translation>
    </message>
    <message>
        <location filename="../../gui/main/window.py" line="176"/>
        <source>Explain</source>
        <translation>설명</translation>
    </message>
    <message>
        <location filename="../../gui/main/window.py" line="192"/>
        <source>Formulas</source>
        <translation>수식</translation>
    </message>
    <message>
        <location filename="../../gui/main/window.py" line="193"/>
        <source>Parameters</source>
        <translation>모수</translation>
    </message>
    <message>
        <location filename="../../gui/main/window.py" line="195"/>
        <source>Formulas: the current half-step&apos;s formulas with their numbers, and the responsibilities of the point under the cursor. Parameters: the mixture on screen as a table.</source>
        <translation>수식: 현재 반 단계의 수식과 그 수치, 그리고 커서 아래 점의 책임도. 모수: 화면의 혼합 모델을 표로 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main/window.py" line="351"/>
        <source>Loaded: {0}</source>
        <extracomment>Every control as it is before saved settings are restored: what View &gt; Restore defaults brings back.</extracomment>
        <translation>불러옴: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main/window.py" line="200"/>
        <source>Show or hide the Explain panel with the formulas of the latest half-step.</source>
        <translation>가장 최근 반 단계의 식을 보여 주는 &apos;설명&apos; 패널을 보이거나 숨깁니다.</translation>
    </message>
</context>
<context>
    <name>ModelPanel</name>
    <message>
        <location filename="../../gui/panels/model.py" line="48"/>
        <source>Model</source>
        <extracomment>Most components the window fits and shows. The palette (``engine.palette``) gives any K distinct colours, and the legend, the Explain panel and the Frozen list scroll; beyond 100 colours are hard to tell apart. ``seed`` spin box value that means &quot;no seed&quot; (fresh entropy every run).</extracomment>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="52"/>
        <source>K, the number of Gaussian components EM fits to the data (at most {0}).</source>
        <translation>K, EM이 데이터에 적합하는 가우시안 성분의 개수(최대 {0}개).</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="57"/>
        <source>Shape each component&apos;s covariance may take in the M-step: any ellipse, one shared ellipse, axis-aligned, or a circle.</source>
        <translation>M 단계에서 각 성분의 공분산이 가질 수 있는 모양: 임의의 타원, 공유하는 하나의 타원, 축에 나란한 타원, 또는 원.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="61"/>
        <source>EM stops when the mean log-likelihood changes by less than this in an iteration (0 runs all max iterations).</source>
        <translation>한 반복에서 평균 로그 가능도의 변화가 이 값보다 작으면 EM이 멈춥니다(0이면 최대 반복 횟수까지 모두 실행).</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="66"/>
        <source>EM stops after this many iterations even if it has not converged.</source>
        <translation>아직 수렴하지 않았더라도 이 횟수만큼 반복하면 EM이 멈춥니다.</translation>
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
        <translation>무작위 책임도</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="70"/>
        <source>random data points</source>
        <translation>무작위 데이터 점</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="71"/>
        <source>tutorial (data points, identity covariances)</source>
        <translation>튜토리얼 (점, 단위 공분산)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="72"/>
        <source>given (loaded model or by hand)</source>
        <translation>주어진 값 (불러온 모델 또는 직접 놓은 성분)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="75"/>
        <source>How EM chooses its starting parameters; &apos;tutorial&apos; is the textbooks&apos; start (K random data points as means, identity covariances, equal weights); &apos;given&apos; starts from the loaded model or from the components placed on the canvas by hand.</source>
        <translation>EM이 시작 모수를 고르는 방법. &apos;튜토리얼&apos;은 교과서의 시작점(무작위 데이터 점 K개를 평균으로, 단위 공분산, 같은 가중치)이고, &apos;주어진 값&apos;은 불러온 모델이나 캔버스에 직접 놓은 성분에서 시작합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="82"/>
        <source>random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="83"/>
        <source>Seed of EM&apos;s random start: the same seed gives the same fit; &apos;random&apos; gives a new start every run.</source>
        <translation>EM의 무작위 시작점 시드: 같은 시드는 같은 적합 결과를 줍니다. &apos;무작위&apos;는 실행할 때마다 새 시작점을 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="87"/>
        <source>Added to every covariance&apos;s diagonal in the M-step, so no component can collapse onto a single point.</source>
        <translation>M 단계에서 모든 공분산의 대각선에 더해, 어떤 성분도 한 점으로 붕괴하지 않게 합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="91"/>
        <source>EM runs from this many starts and keeps the one with the highest log-likelihood.</source>
        <translation>EM을 이만큼의 시작점에서 실행하고 로그 가능도가 가장 높은 것을 남깁니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="93"/>
        <source>Keep the weights equal</source>
        <translation>가중치를 같게 유지</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="94"/>
        <source>Every weight stays 1/K in every M-step (with small fixed round covariances, EM then behaves like k-means).</source>
        <translation>모든 M 단계에서 각 가중치가 1/K로 유지됩니다(작은 원형 공분산을 고정하면 EM은 k-means처럼 동작합니다).</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="97"/>
        <source>free</source>
        <translation>자유</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="97"/>
        <source>fixed (as started)</source>
        <translation>고정 (시작값 그대로)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="98"/>
        <source>shared by all</source>
        <translation>모두 공유</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="101"/>
        <source>Free: the M-step updates each covariance. Fixed: covariances keep their starting values. Shared: one covariance for all components, their responsibility-weighted mean.</source>
        <translation>자유: M 단계가 각 공분산을 갱신합니다. 고정: 공분산이 시작값을 유지합니다. 공유: 모든 성분이 하나의 공분산, 즉 책임도로 가중한 평균을 씁니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="109"/>
        <source>Checked components are frozen: EM keeps their weight, mean and covariance as they started.</source>
        <translation>체크한 성분은 고정됩니다: EM은 그 가중치, 평균, 공분산을 시작할 때 그대로 둡니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="124"/>
        <source>Components K</source>
        <translation>성분 수 K</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="125"/>
        <source>Covariance</source>
        <translation>공분산</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="126"/>
        <source>tol</source>
        <translation>tol</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="127"/>
        <source>Max iterations</source>
        <translation>최대 반복</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="128"/>
        <source>Initialisation</source>
        <translation>초기화</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="129"/>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="130"/>
        <source>reg_covar</source>
        <translation>reg_covar</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="131"/>
        <source>Starts n_init</source>
        <translation>시작점 n_init</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="132"/>
        <source>Locks</source>
        <translation>잠금</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="133"/>
        <source>Covariances</source>
        <translation>공분산</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="134"/>
        <source>Frozen</source>
        <translation>고정</translation>
    </message>
    <message>
        <location filename="../../gui/panels/model.py" line="149"/>
        <source>Freeze component {0}: EM does not move it.</source>
        <translation>성분 {0} 고정: EM이 움직이지 않습니다.</translation>
    </message>
</context>
<context>
    <name>PaintPanel</name>
    <message>
        <location filename="../../gui/views/paint.py" line="37"/>
        <source>Paint</source>
        <extracomment>Seed of the brush&apos;s random generator (the same strokes give the same points).</extracomment>
        <translation>그리기</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="38"/>
        <source>Paint points</source>
        <translation>점 그리기</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="39"/>
        <source>On: dragging on the canvas sprays points (or erases them) instead of moving the view or the components.</source>
        <translation>켜면: 캔버스에서 드래그할 때 보기나 성분을 옮기는 대신 점을 뿌립니다(또는 지웁니다).</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="41"/>
        <source>Eraser</source>
        <translation>지우개</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="42"/>
        <source>The brush removes the points under it instead of adding points.</source>
        <translation>브러시가 점을 더하는 대신 그 아래의 점을 지웁니다.</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="45"/>
        <source>The true class painted points carry, as the labels of generated data do (exported with the data).</source>
        <translation>그린 점이 갖는 참 클래스. 생성한 데이터의 레이블과 같습니다(데이터와 함께 내보냅니다).</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="50"/>
        <source> px</source>
        <translation> 픽셀</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="51"/>
        <source>The brush&apos;s radius on screen: points are drawn from a Gaussian whose standard deviation is half of it; the eraser removes points within it.</source>
        <translation>화면에서 브러시의 반지름: 점은 표준편차가 반지름의 절반인 가우시안에서 뽑고, 지우개는 반지름 안의 점을 지웁니다.</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="56"/>
        <source>Points sprayed each time the mouse moves while painting.</source>
        <translation>그리는 동안 마우스가 움직일 때마다 뿌리는 점의 개수.</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="57"/>
        <source>Clear</source>
        <translation>모두 지우기</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="58"/>
        <source>Removes every point (Ctrl+Z brings them back).</source>
        <translation>모든 점을 지웁니다(Ctrl+Z로 되돌릴 수 있습니다).</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="62"/>
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="63"/>
        <source>Radius</source>
        <translation>반지름</translation>
    </message>
    <message>
        <location filename="../../gui/views/paint.py" line="64"/>
        <source>Density</source>
        <translation>밀도</translation>
    </message>
</context>
<context>
    <name>ParametersTable</name>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="49"/>
        <source>The parameters on screen; Ctrl+C or the context menu copies the table as tab-separated text.</source>
        <translation>화면의 모수입니다. Ctrl+C나 오른쪽 클릭 메뉴로 표를 탭으로 구분된 텍스트로 복사합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="53"/>
        <source>Log-likelihood of the latest E-step; BIC = -2 L + p log N and AIC = -2 L + 2 p (lower is better), as scikit-learn computes them.</source>
        <translation>가장 최근 E 단계의 로그 가능도. BIC = -2 L + p log N, AIC = -2 L + 2 p (작을수록 좋음)로, scikit-learn과 같은 방식으로 계산합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="55"/>
        <source>Copy the table</source>
        <translation>표 복사</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="72"/>
        <source>No fit yet.</source>
        <translation>아직 적합 결과가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="80"/>
        <source>sigma</source>
        <translation>표준편차 σ</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="80"/>
        <source>covariance</source>
        <translation>공분산</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="81"/>
        <source>weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="81"/>
        <source>mean</source>
        <translation>평균</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="97"/>
        <source>Log-likelihood, BIC and AIC follow the first E-step.</source>
        <translation>로그 가능도, BIC, AIC는 첫 E 단계 뒤에 나옵니다.</translation>
    </message>
    <message>
        <location filename="../../gui/views/parameters_table.py" line="100"/>
        <source>log-likelihood</source>
        <translation>로그 가능도</translation>
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
        <translation>(가장 최근 E 단계가 사용한 모수 기준)</translation>
    </message>
</context>
<context>
    <name>Projection</name>
    <message>
        <location filename="../../gui/views/projection.py" line="123"/>
        <source>PC{0} ({1}% of the variance)</source>
        <extracomment>PCA directions are estimated from at most this many rows (a fixed, evenly spaced subset).</extracomment>
        <translation>PC{0} (분산의 {1}%)</translation>
    </message>
</context>
<context>
    <name>RestartsStrip</name>
    <message>
        <location filename="../../gui/views/restarts.py" line="81"/>
        <source>start</source>
        <extracomment>A click this close to a point (in pixels) picks it.</extracomment>
        <translation>시작점</translation>
    </message>
    <message>
        <location filename="../../gui/views/restarts.py" line="82"/>
        <source>final log-lik.</source>
        <translation>최종 로그 가능도</translation>
    </message>
    <message>
        <location filename="../../gui/views/restarts.py" line="84"/>
        <source>Each start&apos;s final mean log-likelihood (n_init &gt; 1): EM keeps the highest. Click a point to see that start&apos;s fit.</source>
        <translation>각 시작점의 최종 평균 로그 가능도(n_init &gt; 1): EM은 가장 높은 것을 남깁니다. 점을 클릭하면 그 시작점의 적합 결과가 보입니다.</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <location filename="../../gui/panels/run.py" line="43"/>
        <source>Run</source>
        <extracomment>Longest delay the speed slider offers, in milliseconds per iteration.</extracomment>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../../gui/panels/run.py" line="56"/>
        <source>Waits this long after every EM iteration so you can watch the fit; EM itself is not changed.</source>
        <translation>EM 반복이 끝날 때마다 이만큼 기다려 적합 과정을 지켜볼 수 있게 합니다. EM 자체는 바뀌지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/run.py" line="62"/>
        <source>Delay</source>
        <translation>지연</translation>
    </message>
    <message>
        <location filename="../../gui/panels/run.py" line="72"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/panels/run.py" line="72"/>
        <source>%n ms/iter</source>
        <translation>
            <numerusform>%n ms/반복</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../gui/main/status.py" line="22"/>
        <source>converged</source>
        <translation>수렴함</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="23"/>
        <source>max iterations reached</source>
        <translation>최대 반복 횟수에 도달함</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="23"/>
        <location filename="../../gui/main/status.py" line="29"/>
        <source>finished</source>
        <translation>끝남</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="25"/>
        <source>ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="26"/>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="27"/>
        <source>stepping</source>
        <translation>단계 실행 중</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="28"/>
        <source>paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="30"/>
        <source>stopped</source>
        <translation>정지됨</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="31"/>
        <source>failed</source>
        <translation>실패함</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="41"/>
        <source>start: initial parameters</source>
        <translation>시작점: 초기 모수</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="43"/>
        <source>iteration {0} ({1})</source>
        <translation>{0}번째 반복 ({1})</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="45"/>
        <source>mean log-lik. {0:.6f}</source>
        <translation>평균 로그 가능도 {0:.6f}</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="47"/>
        <source>change {0:.2e}</source>
        <translation>변화량 {0:.2e}</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="49"/>
        <source>{0:.1f} ms/iter</source>
        <translation>{0:.1f} ms/반복</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="61"/>
        <source>Component {0} collapsed and was re-seeded at iteration {1}</source>
        <translation>성분 {0}이(가) 붕괴해 {1}번째 반복에서 다시 초기화되었습니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="63"/>
        <source>Components {0} collapsed and were re-seeded at iteration {1}</source>
        <translation>성분 {0}이(가) 붕괴해 {1}번째 반복에서 다시 초기화되었습니다</translation>
    </message>
    <message>
        <location filename="../../gui/main/status.py" line="65"/>
        <source> of start {0}</source>
        <translation> (시작점 {0})</translation>
    </message>
</context>
<context>
    <name>ViewBox</name>
    <message>
        <location filename="../../gui/i18n/outside.py" line="26"/>
        <source>ViewBox options</source>
        <translation>ViewBox 옵션</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="27"/>
        <source>View All</source>
        <translation>모두 보기</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="28"/>
        <source>Mouse Mode</source>
        <translation>마우스 모드</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="29"/>
        <source>3 button</source>
        <translation>3버튼</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="30"/>
        <source>1 button</source>
        <translation>1버튼</translation>
    </message>
</context>
<context>
    <name>engine_errors</name>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="49"/>
        <source>{path}: no such file; check the path.</source>
        <extracomment>The end of every message about a bad value in a data file. Where a bad cell of a text file is: its file, line, column name (quoted as the engine quotes it) and number. How the engine starts every message about a .npy file that is not one. The end of the messages about a .npy file that must be saved again.</extracomment>
        <translation>{path}: 파일이 없습니다. 경로를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="51"/>
        <source>{path} is a folder, not a data file; choose a CSV/text or .npy file.</source>
        <translation>{path}은(는) 폴더이며 데이터 파일이 아닙니다. CSV/텍스트 파일이나 .npy 파일을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="54"/>
        <source>{path} is not a regular file (a device or a pipe?); choose a CSV/text or .npy file.</source>
        <translation>{path}은(는) 일반 파일이 아닙니다(장치나 파이프일 수 있습니다). CSV/텍스트 파일이나 .npy 파일을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="57"/>
        <source>cannot read the data file {path}: {path_problem}; choose another name.</source>
        <translation>데이터 파일 {path}을(를) 읽을 수 없습니다: {path_problem}. 다른 이름을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="60"/>
        <source>cannot read {path}: {reason}; check the file&apos;s permissions.</source>
        <translation>{path}을(를) 읽을 수 없습니다: {reason}. 파일 권한을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="62"/>
        <source>{name} is not valid UTF-16 text; save it as UTF-8 CSV.</source>
        <translation>{name}은(는) 올바른 UTF-16 텍스트가 아닙니다. UTF-8 CSV로 저장하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="64"/>
        <source>{name} is not a text file (it holds binary data); choose a CSV/text or .npy file.</source>
        <translation>{name}은(는) 텍스트 파일이 아닙니다(바이너리 데이터가 들어 있습니다). CSV/텍스트 파일이나 .npy 파일을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="67"/>
        <source>{name} is not UTF-8 text (bad byte at position {position}); save it as UTF-8 CSV.</source>
        <translation>{name}은(는) UTF-8 텍스트가 아닙니다(위치 {position}에 잘못된 바이트가 있습니다). UTF-8 CSV로 저장하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="70"/>
        <source>{name} is empty; choose a file with data.</source>
        <translation>{name}이(가) 비어 있습니다. 데이터가 있는 파일을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="72"/>
        <source>{name} has a header but no data rows; add rows of numbers below the header.</source>
        <translation>{name}에 헤더는 있지만 데이터 행이 없습니다. 헤더 아래에 숫자 행을 추가하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="77"/>
        <source>{name} line {line}, column {column}: a field of more than {limit} characters, most likely from a quote that is never closed; check the quotes from that line on (a value must be a number).</source>
        <translation>{name} {line}번째 줄, 열 {column}: {limit}자가 넘는 필드가 있습니다. 닫히지 않은 따옴표 때문일 가능성이 큽니다. 그 줄부터 따옴표를 확인하세요(값은 숫자여야 합니다).</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="82"/>
        <source>{name} line {line} has {count} field(s) but line {first} has {expected} field(s); every row must have the same number of fields.</source>
        <translation>{name} {line}번째 줄의 필드는 {count}개이지만 {first}번째 줄의 필드는 {expected}개입니다. 모든 행의 필드 수가 같아야 합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="86"/>
        <source>{name} line {line}, column {column} ({index}): the value is missing; fix the file or use --drop-invalid to skip such rows.</source>
        <translation>{name} {line}번째 줄, 열 {column}({index}번째 열): 값이 없습니다. 파일을 고치거나 --drop-invalid를 사용해 이런 행을 건너뛰세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="89"/>
        <source>{name} line {line}, column {column} ({index}): {value} is not a number; fix the file or use --drop-invalid to skip such rows.</source>
        <translation>{name} {line}번째 줄, 열 {column}({index}번째 열): {value}은(는) 숫자가 아닙니다. 파일을 고치거나 --drop-invalid를 사용해 이런 행을 건너뛰세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="92"/>
        <source>{name} line {line}, column {column} ({index}): {value} is not a finite number; fix the file or use --drop-invalid to skip such rows.</source>
        <translation>{name} {line}번째 줄, 열 {column}({index}번째 열): {value}은(는) 유한한 숫자가 아닙니다. 파일을 고치거나 --drop-invalid를 사용해 이런 행을 건너뛰세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="97"/>
        <source>{name} row {row}, column {column} ({index}): {value} is not a finite number; fix the file or use --drop-invalid to skip such rows.</source>
        <translation>{name} {row}번째 행, 열 {column}({index}번째 열): {value}은(는) 유한한 숫자가 아닙니다. 파일을 고치거나 --drop-invalid를 사용해 이런 행을 건너뛰세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="102"/>
        <source>{name}: all {count} rows have missing, non-numeric or non-finite values, so nothing is left; check the file and the columns chosen.</source>
        <translation>{name}: {count}개 행 모두에 누락되었거나 숫자가 아니거나 유한하지 않은 값이 있어 남는 데이터가 없습니다. 파일과 선택한 열을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="107"/>
        <source>{name} line {line}, column &apos;label&apos;: the true label is missing; fill it in, use --drop-invalid to skip such rows, or choose the feature columns with --columns.</source>
        <translation>{name} {line}번째 줄, 열 &apos;label&apos;: 실제 레이블이 없습니다. 레이블을 채우거나, --drop-invalid를 사용해 이런 행을 건너뛰거나, --columns로 특성 열을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="111"/>
        <source>{name} holds {dtype} values, not numbers; save a numeric (integer or float) array.</source>
        <translation>{name}에는 숫자가 아닌 {dtype} 값이 들어 있습니다. 숫자(정수 또는 실수) 배열을 저장하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="115"/>
        <source>{name} holds a {ndim}-D array of shape {shape}; save a 1-D or 2-D array (one row per sample).</source>
        <translation>{name}에는 형태가 {shape}인 {ndim}차원 배열이 들어 있습니다. 1차원 또는 2차원 배열(행 하나에 표본 하나)을 저장하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="119"/>
        <source>{name} holds an empty array of shape {shape}; it needs at least one row and column.</source>
        <translation>{name}에는 형태가 {shape}인 빈 배열이 들어 있습니다. 행과 열이 적어도 하나씩 있어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="122"/>
        <source>{name} is not a valid .npy file but a zip archive (a .npz file?); save one array with numpy.save.</source>
        <translation>{name}은(는) 올바른 .npy 파일이 아니라 zip 압축 파일(.npz 파일?)입니다. numpy.save로 배열 하나를 저장하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="125"/>
        <source>{name} is not a valid .npy file (format version {version}); save it with numpy.save.</source>
        <translation>{name}은(는) 올바른 .npy 파일이 아닙니다(형식 버전 {version}). numpy.save로 저장하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="128"/>
        <source>{name} is not a valid .npy file (its header is damaged); save the array again with numpy.save.</source>
        <translation>{name}은(는) 올바른 .npy 파일이 아닙니다(헤더가 손상되었습니다). numpy.save로 배열을 다시 저장하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="131"/>
        <source>{name} is not a valid .npy file (it is truncated); save the array again with numpy.save.</source>
        <translation>{name}은(는) 올바른 .npy 파일이 아닙니다(파일이 잘렸습니다). numpy.save로 배열을 다시 저장하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="134"/>
        <source>{name} is not a valid .npy file (its data cannot be read); save the array again with numpy.save.</source>
        <translation>{name}은(는) 올바른 .npy 파일이 아닙니다(데이터를 읽을 수 없습니다). numpy.save로 배열을 다시 저장하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="140"/>
        <source>K = {k} is larger than the number of samples ({n}): use a smaller K.</source>
        <translation>K = {k}이(가) 표본 수({n})보다 큽니다. 더 작은 K를 사용하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="143"/>
        <source>K = {k} is larger than the number of distinct points in the data: use a smaller K.</source>
        <translation>K = {k}이(가) 데이터에 있는 서로 다른 점의 수보다 큽니다. 더 작은 K를 사용하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="146"/>
        <source>initialisation &apos;given&apos; needs starting parameters (a model file).</source>
        <translation>초기화 &apos;주어진 값&apos;에는 시작 모수(모델 파일)가 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="149"/>
        <source>the starting model has {model_k} components but K is {k}.</source>
        <translation>시작 모델의 성분은 {model_k}개이지만 K는 {k}입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="151"/>
        <source>the starting model has {model_type} covariances but the fit asks for {fit_type}.</source>
        <translation>시작 모델의 공분산 유형은 {model_type}이지만 적합에서 요구하는 유형은 {fit_type}입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="154"/>
        <source>{feature} holds NaN or infinite values: remove those rows or fill them in.</source>
        <translation>{feature}에 NaN 또는 무한대 값이 있습니다. 그런 행을 제거하거나 값을 채우세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="158"/>
        <source>{feature} spreads too widely for double precision: row {row} ({value}) lies so far from the other rows that the sums of squares EM needs overflow: remove such rows.</source>
        <translation>{feature}의 값이 배정밀도로 다루기에는 너무 넓게 퍼져 있습니다. {row}번째 행({value})이 다른 행들에서 너무 멀리 떨어져 있어 EM에 필요한 제곱합이 오버플로됩니다. 그런 행을 제거하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="164"/>
        <source>{feature} spreads too widely for double precision (standard deviation about {power}: the sums of squares EM needs overflow): rescale that column, for example divide it by {divisor}.</source>
        <translation>{feature}의 값이 배정밀도로 다루기에는 너무 넓게 퍼져 있습니다(표준편차 약 {power}: EM에 필요한 제곱합이 오버플로됩니다). 그 열의 척도를 바꾸세요. 예를 들어 {divisor}(으)로 나누세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="170"/>
        <source>{feature} varies too little for double precision (standard deviation about {power}: its variance underflows): rescale that column, for example multiply it by {factor}, or drop it if it is meant to be constant.</source>
        <translation>{feature}의 값이 배정밀도로 다루기에는 너무 적게 변합니다(표준편차 약 {power}: 분산이 언더플로됩니다). 그 열의 척도를 바꾸세요. 예를 들어 {factor}을(를) 곱하거나, 상수여야 하는 열이라면 제거하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="176"/>
        <source>component {component} collapsed (no samples or a singular covariance): use fewer components, a larger reg_covar, or rescale the data.</source>
        <translation>성분 {component}이(가) 붕괴했습니다(표본이 없거나 공분산이 특이합니다). 성분 수를 줄이거나, reg_covar를 키우거나, 데이터의 척도를 바꾸세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="181"/>
        <source>the picture has fewer than {k} distinct colours, so it cannot have {segments} segments: use a smaller K.</source>
        <translation>그림에 서로 다른 색이 {k}개보다 적어서 {segments}개 영역으로 나눌 수 없습니다. 더 작은 K를 사용하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="187"/>
        <source>cannot load the model file {path}: {model_problem}.</source>
        <translation>모델 파일 {path}을(를) 불러올 수 없습니다: {model_problem}.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="189"/>
        <source>cannot write {path}: {write_problem}; the existing file, if any, is unchanged.</source>
        <translation>{path}에 쓸 수 없습니다: {write_problem}. 기존 파일이 있다면 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="197"/>
        <source>the name {long_name} is too long ({size} bytes; a file or folder name can have at most {limit} bytes)</source>
        <extracomment>Why a path could not even be looked at (``engine.io.paths.os_error_problem``): shared by data and model files.</extracomment>
        <translation>이름 {long_name}이(가) 너무 깁니다({size}바이트. 파일이나 폴더 이름은 최대 {limit}바이트까지 쓸 수 있습니다)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="201"/>
        <source>the path is too long ({size} bytes, more than the system allows; each name may have at most {limit} bytes)</source>
        <translation>경로가 너무 깁니다({size}바이트로 시스템이 허용하는 길이를 넘습니다. 각 이름은 최대 {limit}바이트까지 쓸 수 있습니다)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="204"/>
        <source>its symbolic links form a loop</source>
        <translation>심볼릭 링크가 순환합니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="206"/>
        <source>it cannot be looked at ({reason})</source>
        <translation>확인할 수 없습니다({reason})</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="208"/>
        <source>its name holds a NUL character</source>
        <translation>이름에 NUL 문자가 있습니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="213"/>
        <source>it does not exist</source>
        <extracomment>Why a model file was refused (``engine.io.model_json``, ``engine.io.model_checks``).</extracomment>
        <translation>파일이 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="214"/>
        <source>it is not a file but a folder</source>
        <translation>파일이 아니라 폴더입니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="216"/>
        <source>it is not a regular file (a pipe or a device?)</source>
        <translation>일반 파일이 아닙니다(파이프나 장치일 수 있습니다)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="217"/>
        <source>it is not a text file (UTF-8)</source>
        <translation>텍스트 파일(UTF-8)이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="218"/>
        <source>it cannot be read ({reason})</source>
        <translation>읽을 수 없습니다({reason})</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="221"/>
        <source>it holds the number {number}, but every number must be finite</source>
        <translation>숫자 {number}이(가) 들어 있지만 모든 숫자는 유한해야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="223"/>
        <source>it is not valid JSON ({json_reason} at line {line}, column {column})</source>
        <translation>올바른 JSON이 아닙니다({line}번째 줄, {column}번째 열: {json_reason})</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="310"/>
        <source>Permission denied</source>
        <extracomment>The whole sentences, most common first (the order does not matter: at most one matches a message). The clauses a slot ``&lt;&lt;name&gt;&gt;`` stands for. Words the engine passes on from elsewhere, by the name of their group: the system&apos;s reason for a failed file operation (``OSError.strerror``) and the reason of Python&apos;s JSON parser (``JSONDecodeError.msg``). The common ones are translated; any other stays as it is.</extracomment>
        <translation>권한이 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="311"/>
        <source>Operation not permitted</source>
        <translation>허용되지 않는 작업입니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="312"/>
        <source>No such file or directory</source>
        <translation>그런 파일이나 디렉터리가 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="313"/>
        <source>Is a directory</source>
        <translation>디렉터리입니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="314"/>
        <source>Not a directory</source>
        <translation>디렉터리가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="315"/>
        <source>No space left on device</source>
        <translation>장치에 남은 공간이 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="316"/>
        <source>Disk quota exceeded</source>
        <translation>디스크 할당량을 초과했습니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="317"/>
        <source>Read-only file system</source>
        <translation>읽기 전용 파일 시스템입니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="318"/>
        <source>Input/output error</source>
        <translation>입출력 오류</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="321"/>
        <source>Expecting value</source>
        <translation>값이 와야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="322"/>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>구분자 &apos;:&apos;이(가) 와야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="323"/>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>구분자 &apos;,&apos;이(가) 와야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="324"/>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>큰따옴표로 묶은 속성 이름이 와야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="326"/>
        <source>Extra data</source>
        <translation>불필요한 데이터가 더 있습니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="327"/>
        <source>Unterminated string starting at</source>
        <translation>여기서 시작하는 문자열이 닫히지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="328"/>
        <source>Invalid control character at</source>
        <translation>잘못된 제어 문자가 있습니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="329"/>
        <source>Invalid \escape</source>
        <translation>잘못된 \ 이스케이프</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="226"/>
        <source>it is not valid JSON (nested too deeply)</source>
        <translation>올바른 JSON이 아닙니다(너무 깊게 중첩됨)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="229"/>
        <source>its &quot;{key}&quot; is nested more than {depth} levels deep, deeper than any model needs; remove that nesting</source>
        <translation>&quot;{key}&quot;이(가) {depth}단계보다 깊게 중첩되어 있습니다. 어떤 모델에도 필요 없는 깊이이니 그 중첩을 없애세요</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="232"/>
        <source>it holds a JSON {kind}, not an object with the model&apos;s keys</source>
        <translation>모델의 키를 담은 객체가 아니라 JSON {kind}이(가) 들어 있습니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="234"/>
        <source>it has no &quot;format&quot; key, so it is not a {format} file</source>
        <translation>&quot;format&quot; 키가 없으므로 {format} 파일이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="236"/>
        <source>its format is {value}, not &quot;{format}&quot;</source>
        <translation>형식이 &quot;{format}&quot;이 아니라 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="238"/>
        <source>its format version is {value}, but only version {version} is supported</source>
        <translation>형식 버전이 {value}이지만 버전 {version}만 지원합니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="240"/>
        <source>it lacks the key(s) {keys}</source>
        <translation>키 {keys}이(가) 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="242"/>
        <source>its covariance_type {value} is not one of {choices}</source>
        <translation>covariance_type {value}은(는) {choices} 중 하나가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="244"/>
        <source>its {key} is {value}, but it must be a whole number &gt;= 1</source>
        <translation>{key}이(가) {value}이지만 1 이상의 정수여야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="246"/>
        <source>its feature_names must be a list of strings</source>
        <translation>feature_names는 문자열 목록이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="248"/>
        <source>it has {count} feature_names but n_features is {n_features}</source>
        <translation>feature_names가 {count}개이지만 n_features는 {n_features}입니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="251"/>
        <source>its {key} should have shape {expected} {meaning} but has shape {got}</source>
        <translation>{key}의 형태는 {expected} {meaning}이어야 하지만 실제 형태는 {got}입니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="255"/>
        <source>its {key} should have shape {expected} {meaning} but has lists of different lengths</source>
        <translation>{key}의 형태는 {expected} {meaning}이어야 하지만 길이가 서로 다른 목록들입니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="258"/>
        <source>its {key} must hold numbers, but it holds {value}</source>
        <translation>{key}에는 숫자만 있어야 하지만 {value}이(가) 들어 있습니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="260"/>
        <source>its {key} holds a number too large for a float</source>
        <translation>{key}에 실수로 나타내기에는 너무 큰 숫자가 있습니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="262"/>
        <source>its {key} holds NaN or infinity, but every number must be finite</source>
        <translation>{key}에 NaN 또는 무한대가 있지만 모든 숫자는 유한해야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="265"/>
        <source>the weight of component {component} is negative ({weight})</source>
        <translation>성분 {component}의 가중치가 음수입니다({weight})</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="267"/>
        <source>its weights sum to {total}, not 1</source>
        <translation>가중치의 합이 1이 아니라 {total}입니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="269"/>
        <source>the covariance of component {component} is not symmetric</source>
        <translation>성분 {component}의 공분산이 대칭이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="271"/>
        <source>the shared covariance is not symmetric</source>
        <translation>공유 공분산이 대칭이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="273"/>
        <source>the covariance of component {component} is not positive definite</source>
        <translation>성분 {component}의 공분산이 양의 정부호가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="275"/>
        <source>the shared covariance is not positive definite</source>
        <translation>공유 공분산이 양의 정부호가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="277"/>
        <source>the variances of component {component} must all be positive</source>
        <translation>성분 {component}의 분산은 모두 양수여야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="283"/>
        <source>{reason}; check that the folder exists and is writable</source>
        <extracomment>Why a file could not be written (``engine.io.atomic``); the system&apos;s reason stays as the system gives it.</extracomment>
        <translation>{reason}. 폴더가 있고 쓰기 가능한지 확인하세요</translation>
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
        <translation>특성 {column}(열 인덱스 {index})</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/engine_sentences.py" line="291"/>
        <source>feature {index}</source>
        <translation>특성 {index}</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <location filename="../../gui/main/exports.py" line="119"/>
        <source>cannot write the image {0}</source>
        <extracomment>How long the message saying a file was saved stays in the status bar, in milliseconds.</extracomment>
        <translation>이미지 {0}을(를) 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>image_exports</name>
    <message>
        <location filename="../../gui/image/exports.py" line="37"/>
        <source>cannot export to {0}: it is a folder; give a file name.</source>
        <extracomment>{0} is the file name chosen in the export dialog, which is an existing folder.</extracomment>
        <translation>{0}(으)로 내보낼 수 없습니다. 폴더입니다. 파일 이름을 주세요.</translation>
    </message>
</context>
<context>
    <name>image_io</name>
    <message>
        <location filename="../../gui/image/codec.py" line="79"/>
        <source>the picture {0}</source>
        <extracomment>Formats that hold more than 8 bits a channel: read through Format_RGBX64 as uint16. Decoder messages that mean the file ended early: the decoded picture is partly invented.</extracomment>
        <translation>그림 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="82"/>
        <source>cannot read {0}: {1}.</source>
        <translation>{0}을(를) 읽을 수 없습니다: {1}.</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="86"/>
        <source>it does not exist; check the name and folder</source>
        <translation>존재하지 않습니다. 이름과 폴더를 확인하세요</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="88"/>
        <source>it is a folder; give a picture file (PNG, JPEG, BMP or TIFF)</source>
        <translation>폴더입니다. 그림 파일(PNG, JPEG, BMP 또는 TIFF)을 주세요</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="90"/>
        <source>it is not a regular file (a pipe or a device?); give a picture file (PNG, JPEG, BMP or TIFF)</source>
        <translation>일반 파일이 아닙니다(파이프나 장치?). 그림 파일(PNG, JPEG, BMP 또는 TIFF)을 주세요</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="96"/>
        <location filename="../../gui/image/codec.py" line="103"/>
        <source>it cannot be opened ({0})</source>
        <translation>열 수 없습니다({0})</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="98"/>
        <source>the file is empty (0 bytes)</source>
        <translation>파일이 비어 있습니다(0바이트)</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="106"/>
        <source>it is not a picture Qt can decode; give a PNG, JPEG, BMP or TIFF file</source>
        <translation>Qt가 디코딩할 수 있는 그림이 아닙니다. PNG, JPEG, BMP 또는 TIFF 파일을 주세요</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="114"/>
        <source>unknown error</source>
        <translation>알 수 없는 오류</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="115"/>
        <source>it could not be decoded ({0}); the file may be truncated or damaged</source>
        <translation>디코딩할 수 없습니다({0}). 파일이 잘렸거나 손상되었을 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="118"/>
        <source>the file is truncated ({0}); it may not have finished downloading or copying</source>
        <translation>파일이 잘렸습니다({0}). 다운로드나 복사가 끝나지 않았을 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="187"/>
        <source>the name {0} is too long ({1} bytes; a file or folder name can have at most {2} bytes)</source>
        <extracomment>Leading bytes of the common formats, and the name of Qt&apos;s handler for each.</extracomment>
        <translation>이름 {0}이(가) 너무 깁니다({1}바이트. 파일이나 폴더 이름은 최대 {2}바이트입니다)</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="190"/>
        <source>it cannot be looked at ({0})</source>
        <translation>살펴볼 수 없습니다({0})</translation>
    </message>
    <message>
        <location filename="../../gui/image/codec.py" line="310"/>
        <source>Qt could not encode the picture ({0})</source>
        <translation>Qt가 그림을 인코딩할 수 없습니다({0})</translation>
    </message>
</context>
<context>
    <name>presets</name>
    <message>
        <location filename="../../gui/i18n/outside.py" line="17"/>
        <source>three correlated 2-D blobs, weights .3/.5/.2</source>
        <translation>상관된 2차원 덩어리 셋, 가중치 .3/.5/.2</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="18"/>
        <source>two 1-D Gaussians, weights .3/.7</source>
        <translation>1차원 가우시안 둘, 가중치 .3/.7</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="19"/>
        <source>four 2-D components sharing a covariance, weights .1/.2/.3/.4</source>
        <translation>공분산을 공유하는 2차원 성분 넷, 가중치 .1/.2/.3/.4</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="20"/>
        <source>k unit-variance clusters in d dimensions, equal sizes (like make_blobs)</source>
        <translation>d차원의 단위 분산 군집 k개, 크기는 같음(make_blobs와 비슷)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n/outside.py" line="21"/>
        <source>a random mixture of k components in d dimensions</source>
        <translation>d차원의 성분 k개로 된 무작위 혼합 분포</translation>
    </message>
</context>
</TS>
