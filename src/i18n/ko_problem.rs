//! Korean: what is wrong with a field of a scenario (`model::Problem`).

use super::Key;

pub fn text(k: Key) -> &'static str {
    use Key::*;
    match k {
        // diag: validation problems
        PrbNotFinite => "유한한 숫자여야 합니다",
        PrbOutOfRange => "{0}에서 {1} 사이여야 합니다 (지금 값 {2})",
        PrbMustBePositive => "0보다 커야 합니다",
        PrbAtMost => "{0} 이하여야 합니다 (지금 값 {1})",
        PrbWrongVersion => "{0}이어야 합니다 (지금 값 {1})",
        PrbTooLong => "{0}자보다 깁니다",
        PrbControlChars => "제어 문자가 들어 있습니다",
        PrbBadId => "ID는 영문자, 숫자, '-', '_'로 된 1~32자여야 합니다",
        PrbIdTwice => "같은 ID가 두 번 나옵니다",
        PrbAppearsTwice => "두 번 나옵니다",
        PrbTooManyRegions => "리전은 최대 {0}개까지입니다",
        PrbTooManyComponents => "구성 요소는 최대 {0}개까지입니다 (지금 {1}개)",
        PrbTooManyLinks => "연결은 최대 {0}개까지입니다 (지금 {1}개)",
        PrbTooManyFaults => "장애는 최대 {0}개까지입니다",
        PrbTooManyDeployments => "배포는 최대 {0}개까지입니다",
        PrbTooManyAlarms => "경보는 최대 {0}개까지입니다",
        PrbRegionNotInCatalog => "카탈로그에 없는 리전입니다",
        PrbZoneCount => "가용 영역은 1개에서 {0}개까지여야 합니다",
        PrbBadZoneName => "가용 영역 이름은 영문 소문자(a-z) 한 글자입니다",
        PrbNoSuchZone => "가용 영역 {0}{1}이(가) 시나리오에 없습니다",
        PrbNoSuchRegion => "리전 {0}이(가) 시나리오에 없습니다",
        PrbNoSuchComponent => "{0} 구성 요소가 없습니다",
        PrbNotAnAppServer => "{0}은(는) 앱 서버가 아닙니다",
        PrbIsNotAnAppServer => "앱 서버가 아닙니다",
        PrbNotAutoScalingGroup => "{0}은(는) 오토 스케일링 그룹이 아닙니다 (autoscaling을 설정하세요)",
        PrbNoSuchAlarm => "{0} 경보가 없습니다",
        PrbNoServer => "{0}에는 {1}번 서버가 없습니다",
        PrbNoProcess => "{0}에는 {1}번 서버의 {2}번 프로세스가 없습니다",
        PrbShorterThanInterval => "검사 간격보다 짧아야 합니다",
        PrbPrimaryHasNoPrimary => "기본 데이터베이스에는 따라갈 기본 데이터베이스를 지정하지 않습니다",
        PrbNamePrimary => "이 데이터베이스가 복제할 기본 데이터베이스를 지정하세요",
        PrbNotAPrimary => "{0}은(는) 기본 데이터베이스가 아닙니다",
        PrbOneStandby => "기본 데이터베이스마다 대기 데이터베이스는 하나까지입니다",
        PrbSharedHostSingle => "데이터베이스와 함께 쓰는 앱 서버는 한 대(count 1)여야 합니다",
        PrbLinkToSelf => "구성 요소를 자기 자신과 연결할 수 없습니다",
        PrbDuplicateLink => "같은 연결이 두 번 있습니다",
        PrbSpikeTooHigh => "트래픽이 급증하면 초당 {0}건을 넘게 됩니다",
        PrbAlarmIdUnique => "경보에는 비어 있지 않고 겹치지 않는 ID가 필요합니다",
        PrbMinAboveMax => "최대값보다 클 수 없습니다",
        PrbCountOutsideGroup => "원하는 서버 수는 최소 {0}대와 최대 {1}대 사이여야 합니다",
        PrbBeforeNow => "지금 시각({0}초)보다 앞설 수 없습니다",
        PrbNoRoomForSecondFleet => {
            "이번 실행에는 {0}의 두 번째 서버 묶음을 띄울 자리가 없습니다. 대신 블루/그린 배포를 \
             예약하세요 (그 자리를 마련한 채 실행이 다시 시작됩니다)"
        }
        // diag: why a file or link does not have a scenario's shape, or is not JSON (serde's words)
        ShpMissingField => "`{0}` 항목이 빠져 있습니다",
        ShpUnknownField => "`{0}`은(는) 알 수 없는 항목입니다 (쓸 수 있는 항목: {1})",
        ShpUnknownFieldNone => "`{0}`은(는) 알 수 없는 항목입니다 (여기에는 항목을 둘 수 없습니다)",
        ShpUnknownVariant => "`{0}`은(는) 고를 수 없는 값입니다 (고를 수 있는 값: {1})",
        ShpUnknownVariantNone => "`{0}`은(는) 고를 수 없는 값입니다",
        ShpInvalidType => "값의 종류가 맞지 않습니다: {1}이(가) 와야 하는데 {0}이(가) 있습니다",
        ShpInvalidValue => "값이 맞지 않습니다: {1}이(가) 와야 하는데 {0}이(가) 있습니다",
        ShpInvalidLength => "길이가 {0}이라 맞지 않습니다: {1}이(가) 와야 합니다",
        ShpDuplicateField => "`{0}` 항목이 두 번 나옵니다",
        ShpKeyTwice => "같은 항목이 짧은 이름과 긴 이름으로 두 번 나옵니다",
        ShpNotAnObject => "시나리오는 JSON 객체 { … }여야 합니다",
        JsnEndsEarly => "글이 중간에 끊겼습니다 (읽던 부분: {0})",
        JsnExpected => "여기에는 {0}이(가) 와야 합니다",
        JsnTrailingCharacters => "JSON이 끝난 뒤에도 글자가 더 있습니다",
        JsnTrailingComma => "마지막 항목 뒤에 쉼표가 있습니다",
        JsnKeyMustBeString => "객체의 키는 문자열이어야 합니다",
        JsnInvalidNumber => "올바른 숫자가 아닙니다",
        JsnNumberOutOfRange => "숫자가 너무 커서 다룰 수 없습니다",
        JsnControlCharacter => "문자열 안에 제어 문자(\\u0000-\\u001F)가 있습니다",
        JsnInvalidEscape => "잘못된 이스케이프 문자입니다",
        JsnRecursionLimit => "중첩이 너무 깊습니다",
        _ => "",
    }
}
