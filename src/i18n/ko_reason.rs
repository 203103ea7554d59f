//! Korean: why the editor refused something (`editor::Reason`).

use super::Key;

pub fn text(k: Key) -> &'static str {
    use Key::*;
    match k {
        // i18n3: editor refusals and field errors
        RsnNeedPrimary => "먼저 기본(primary) 데이터베이스를 배치하세요",
        RsnEveryPrimaryHasStandby => "모든 기본 데이터베이스에 이미 대기(standby) 데이터베이스가 있습니다",
        RsnDropInZone => "가용 영역 안에 놓으세요",
        RsnDropIdInZone => "{0}을(를) 가용 영역 안에 놓으세요",
        RsnNothingToDuplicate => "복제할 대상을 먼저 선택하세요",
        RsnBadId => "ID는 영문자, 숫자, '-', '_'로 된 1~32자여야 합니다",
        RsnIdTaken => "{0}은(는) 이미 사용 중인 ID입니다",
        RsnNoComponent => "{0} 구성 요소가 없습니다",
        RsnPrimaryOf => "{0}은(는) {1}의 기본 데이터베이스입니다: 함께 삭제하거나 먼저 삭제하세요",
        RsnHasStandby => "{0}에는 이미 대기 데이터베이스가 있습니다: {1}을(를) {0}와(과) 함께 복제하세요",
        RsnLinkSelf => "구성 요소를 자기 자신과 연결할 수 없습니다",
        RsnLinkEnds => "양 끝이 모두 구성 요소여야 합니다",
        RsnLinkExists => "{0}은(는) 이미 {1}에 연결되어 있습니다",
        RsnStandbyNotTarget => {
            "앱은 기본 데이터베이스에 연결하세요: 대기 데이터베이스는 장애 시 스스로 넘겨받습니다"
        }
        RsnClientsOnlyStart => {
            "클라이언트에게 요청을 보내는 구성 요소는 없습니다: 클라이언트는 요청을 시작하기만 합니다"
        }
        RsnDatabaseOnlyAnswers => "데이터베이스는 쿼리에 응답만 하고 요청을 보내지 않습니다",
        RsnChainLbThroughDns => "로드 밸런서끼리는 직접 잇지 말고 DNS를 거쳐 연결하세요",
        RsnAppOnlyToDatabases => "앱 서버는 데이터베이스에만 요청을 보냅니다",
        RsnClientsNeedApp => "클라이언트는 앱 서버를 거쳐서만 데이터베이스에 닿습니다",
        RsnDnsAnswersLbOrApp => "DNS는 로드 밸런서나 앱 서버의 주소로만 응답합니다",
        RsnLbOnlyToApps => "로드 밸런서는 앱 서버로만 요청을 전달합니다",
        RsnNotInCatalog => "{0}은(는) 카탈로그에 없는 리전입니다",
        RsnRegionOnCanvas => "{0} 리전은 이미 캔버스에 있습니다",
        RsnMaxRegions => "리전은 최대 {0}개까지입니다",
        RsnNoRegion => "{0} 리전이 없습니다",
        RsnMaxZones => "리전 하나에는 가용 영역이 최대 {0}개까지입니다",
        RsnNoZoneLetter => "더 붙일 가용 영역 이름이 없습니다",
        RsnZoneNotEmpty => "가용 영역 {0}에 구성 요소가 {1}개 있습니다: 먼저 옮기거나 삭제하세요",
        RsnNoZone => "{1}에 가용 영역 {0}이(가) 없습니다",
        RsnLastZone => "리전에는 가용 영역이 하나 이상 있어야 합니다: 대신 리전을 삭제하세요",
        RsnTooNarrow => "리전이 너무 좁아집니다",
        RsnAlarmExists => "{0} 경보가 이미 있습니다",
        RsnNoAlarm => "{0} 경보가 없습니다",
        RsnAlarmInUse => "배포 {0}이(가) {1} 경보에 따라 롤백합니다: 그 배포를 먼저 바꾸세요",
        RsnNoDeployment => "배포 {0}이(가) 없습니다",
        RsnNotApp => "{0}은(는) 앱 서버가 아닙니다",
        RsnNotGroup => "{0}은(는) 오토 스케일링 그룹이 아닙니다: 인스펙터에서 켜세요",
        RsnPickMetric => "지표 중 하나를 고르세요",
        RsnPickAction => "동작 중 하나를 고르세요",
        RsnPickStrategy => "배포 전략 중 하나를 고르세요",
        RsnWholeFrom => "{0}부터 {1}까지의 정수를 입력하세요",
        RsnBetween => "{0}에서 {1} 사이여야 합니다",
        RsnMoreThan => "{0}보다 크고 {1} 이하여야 합니다",
        RsnEnterNumber => "숫자를 입력하세요",
        RsnFinite => "유한한 숫자여야 합니다",
        RsnPickChoice => "선택지 중 하나를 고르세요",
        RsnTrueOrFalse => "참 또는 거짓이어야 합니다",
        RsnNotEditable => "이 항목은 여기서 바꿀 수 없습니다",
        RsnNoSuchField => "그런 항목은 없습니다",
        RsnNoFieldOf => "{0}에는 {1} 항목이 없습니다",
        RsnRoleFixed => "데이터베이스의 역할은 바꿀 수 없습니다: 팔레트에서 새로 배치하세요",
        RsnLongerThanTimeout => "타임아웃({0}초)보다 길어야 합니다",
        RsnShorterThanInterval => "검사 간격({0}초)보다 짧아야 합니다",
        RsnGroupOff => "먼저 오토 스케일링 그룹을 켜세요",
        RsnPickSize => "인스턴스 크기 중 하나를 고르세요",
        RsnNotAboveMax => "최대값({0})을 넘을 수 없습니다",
        RsnNotAboveCount => "원하는 서버 수({0}대)를 넘을 수 없습니다",
        RsnNotBelowMin => "최소값({0})보다 작을 수 없습니다",
        RsnNotBelowCount => "원하는 서버 수({0}대)보다 작을 수 없습니다",
        RsnCountOutsideGroup => "원하는 서버 수는 최소 {0}대와 최대 {1}대 사이여야 합니다",
        RsnSharedHost => "{0}이(가) 이 서버에서 함께 실행되므로 서버는 한 대(1)여야 합니다",
        RsnInvalid => "이렇게 바꾸면 설계에 문제가 생깁니다. {0}",
        _ => super::ko_problem::text(k),
    }
}
