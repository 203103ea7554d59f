//! 한국어: the texts of the Curve tab (issue 21), the twin of `en_curve.rs`.

use super::Key;

/// This language's texts in this file, as (key, text) pairs gathered into one table by
/// `i18n::texts`.
pub const TEXTS: &[(Key, &str)] = {
    use Key::*;
    &[
    (TabCurve, "곡선"),
    (CurveHelp, "이 설계를 여러 제공 부하에서 차례로 실행합니다. 각 부하마다 10초 예열 뒤 시뮬레이션 1분을 측정하며, 백그라운드에서 돌기 때문에 실시간 실행은 계속됩니다."),
    (CurveCapacity, "설계 수치로 추정한 용량: {0} req/s"),
    (CurveNoCapacity, "앱 서버에 닿는 클라이언트가 없어 클라이언트 요청률을 중심으로 범위를 잡습니다."),
    (CurveFrom, "시작 (용량의 %)"),
    (CurveTo, "끝 (용량의 %)"),
    (CurvePoints, "점 개수"),
    (CurveSweep, "스윕"),
    (CurveCancel, "취소"),
    (CurveProgress, "{1}개 중 {0}개 완료"),
    (CurveCancelled, "스윕을 취소했습니다."),
    (CurveInvalid, "이 설계는 고치기 전에는 스윕할 수 없습니다: {0}"),
    (CurveFailed, "스윕이 멈췄습니다: {0}"),
    (CurveBadRange, "범위는 1 %에서 1000 % 사이로, 끝을 시작보다 크게, 점은 2~40개로 정하세요."),
    (CurveThroughputTitle, "제공 부하에 따른 처리량 (req/s)"),
    (CurveLatencyTitle, "제공 부하에 따른 지연 시간 (ms, 로그 눈금)"),
    (CurveServed, "처리"),
    (CurveGood, "성공"),
    (CurveKnee, "무릎 ≈ {0} req/s"),
    (CurveNoKnee, "이 범위에는 무릎이 없습니다: p95가 저부하 값의 두 배에 이르지 않았습니다."),
    (CurveCurrent, "현재"),
    (CurvePinnedLabel, "고정: {0}"),
    (CurvePin, "이 곡선 고정"),
    (CurveUnpin, "고정 해제"),
    (CurveSweepToCompare, "설계를 바꾸고 다시 스윕하면 고정한 곡선과 비교할 수 있습니다."),
    (CurveHint, "점을 가리키거나 탭하면 수치가 보이고, 클릭하면 그 부하로 실시간 실행을 시작합니다."),
    (CurveReadout, "제공 {0} req/s: 처리 {1}, 성공 {2} · p50 {3} ms · p95 {4} ms · p99 {5} ms · 오류 {6} %"),
    (CurveLimit, "한계: {0}"),
    (CurveRunAt, "이 부하로 실시간 실행"),
    (CurveDesign, "설계"),
    (CurveMaxServed, "용량 (최대 성공/s)"),
    (CurveKneeCol, "무릎"),
    (CurveP95At, "{0} req/s에서 p95"),
    (CurveCompareLoad, "p95 비교 부하 (req/s)"),
    (CurveLinkRefused, "이 링크의 고정 곡선은 열지 않았습니다({0}). 설계는 평소대로 열렸습니다."),
    (CurveErrShape, "고정 곡선 형식이 아닙니다: {0}"),
    (CurveErrPoints, "점이 {0}개로, 최대 {1}개까지만 허용됩니다"),
    (CurveErrNumber, "{0}번째 점의 {1} 값이 불가능한 값입니다"),
    (CurveErrLimit, "{0}번째 점이 설계에 없는 한계나 구성 요소를 가리킵니다"),
    (CurveErrTitle, "제목이 64자 이하의 일반 텍스트가 아닙니다"),
    (CurveErrDesign, "곡선의 설계: {0}"),
    (CurveFromLink, "이 링크에 고정 곡선이 함께 왔습니다. 설계를 스윕하면 현재 곡선을 나란히 그립니다."),
    (CurveNoWorker, "스윕 작업자(Web Worker)를 시작하지 못했습니다(이 브라우저가 모듈 워커를 지원하지 않을 수 있습니다)"),
    // 레슨 확인이 무릎에 대해 아직 부족하다고 말하는 것 (catalog::Condition::PinnedKneeBelow,
    // KneeAtLeast).
    (MissPinCurve, "곡선 탭에서 바꾸기 전의 설계를 스윕하고 그 곡선을 고정하세요 (무릎이 초당 {0}건 미만)"),
    (MissPinnedKnee, "고정한 곡선의 무릎이 초당 {1}건입니다. 바꾸기 전 설계의 스윕을 고정하세요 (무릎이 초당 {0}건 미만)"),
    (MissPinnedNoKnee, "고정한 곡선에는 초당 {1}건까지 무릎이 없습니다. 바꾸기 전 설계의 스윕을 고정하세요 (무릎이 초당 {0}건 미만)"),
    (MissSweepAfter, "바꾼 설계를 곡선 탭에서 스윕하세요. 무릎이 초당 {0}건에 이르러야 합니다"),
    (MissSweepStale, "마지막 스윕 뒤에 설계가 바뀌었습니다. 다시 스윕하세요 (무릎이 초당 {0}건에 이르러야 합니다)"),
    (MissKneeAtLeast, "무릎을 초당 {0}건 이상으로 옮기세요 (마지막 스윕의 무릎은 초당 {1}건)"),
    (MissKneeRange, "마지막 스윕이 무릎에 이르기 전 초당 {1}건에서 끝났습니다. 초당 {0}건 너머까지 스윕하세요"),
    ]
};
