"""A believable province's estate map of any size, for the map's benchmarks, tests and screenshots.

The national platforms by their real names, a province's LGSP and data centre, each department's
systems and databases, its public services (most of the map, as in a real catalogue), open datasets,
and relations about 1.5 times as many as the elements. Seeded: the same size gives the same map.
"""

from __future__ import annotations

import datetime
import random

from dxplanner.core.enums import DataLinkVia, EstateStatus, GovernmentLevel, ServiceLevel
from dxplanner.core.estate_map import ElementKind, EstateMap, MapElement, MapRelation, RelationKind

AS_OF = datetime.date(2026, 11, 20)

UNITS = [
    "Sở Thông tin và Truyền thông",
    "Sở Tư pháp",
    "Sở Kế hoạch và Đầu tư",
    "Sở Tài chính",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Tài nguyên và Môi trường",
    "Sở Xây dựng",
    "Sở Giao thông vận tải",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Công Thương",
    "Sở Nội vụ",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Văn phòng UBND tỉnh",
    "Công an tỉnh",
]
SHORT = [
    "STTTT",
    "STP",
    "SKHĐT",
    "STC",
    "SYT",
    "SGDĐT",
    "STNMT",
    "SXD",
    "SGTVT",
    "SLĐTBXH",
    "SNN",
    "SCT",
    "SNV",
    "SVHTTDL",
    "VPUBND",
    "CAT",
]
SECTORS = [
    "hộ tịch",
    "đất đai",
    "y tế",
    "giáo dục",
    "xây dựng",
    "giao thông",
    "lao động",
    "nông nghiệp",
    "công thương",
    "nội vụ",
    "văn hóa",
    "tài chính",
    "đầu tư",
    "môi trường",
    "tư pháp",
    "du lịch",
]
PROCEDURES = [
    "Cấp giấy phép {s}",
    "Cấp lại giấy chứng nhận {s}",
    "Đăng ký thay đổi thông tin {s}",
    "Thẩm định hồ sơ {s}",
    "Cấp phép hoạt động {s}",
    "Gia hạn giấy phép {s}",
    "Xác nhận thông tin {s}",
    "Công nhận kết quả {s}",
]
APPS = [
    "Hệ thống quản lý văn bản và điều hành",
    "Phần mềm quản lý hồ sơ {s}",
    "Hệ thống thông tin quản lý {s}",
    "Ứng dụng báo cáo thống kê {s}",
]
NATIONAL = [
    (ElementKind.PLATFORM, "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)", "NDXP"),
    (ElementKind.PORTAL, "Cổng Dịch vụ công quốc gia", "DVCQG"),
    (ElementKind.DATABASE, "Cơ sở dữ liệu quốc gia về dân cư", "CSDLQG DC"),
    (ElementKind.PLATFORM, "Ứng dụng định danh điện tử VNeID", "VNeID"),
    (ElementKind.DATABASE, "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp", "CSDL DN"),
]
PROVINCE = [
    (ElementKind.PLATFORM, "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP)", "LGSP"),
    (ElementKind.APPLICATION, "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh", "HTTTGQTTHC"),
    (ElementKind.PORTAL, "Cổng thông tin điện tử tỉnh", "Cổng TTĐT"),
    (ElementKind.INFRASTRUCTURE, "Trung tâm dữ liệu tỉnh", "TTDL"),
    (ElementKind.INFRASTRUCTURE, "Điện toán đám mây Chính phủ", "Cloud CP"),
    (ElementKind.SECURITY, "Trung tâm giám sát an toàn thông tin (SOC) tỉnh", "SOC"),
    (ElementKind.SECURITY, "Hệ thống phòng chống mã độc tập trung", None),
    (ElementKind.PLATFORM, "Nền tảng chữ ký số chuyên dùng", None),
]


def sample_map(size: int = 320, seed: int = 18, as_of: datetime.date = AS_OF) -> EstateMap:
    """An estate map of about `size` elements and 1.5 times as many relations."""
    chance = random.Random(seed)
    elements: list[MapElement] = []
    relations: list[MapRelation] = []
    statuses = (
        [EstateStatus.RUNNING] * 6
        + [EstateStatus.BUILDING] * 2
        + [EstateStatus.PLANNED, EstateStatus.RETIRED]
    )
    task_id = iter(range(1, 10**6))

    def add(
        kind: ElementKind,
        name: str,
        short: str | None,
        unit: int | None,
        level: GovernmentLevel,
        status: EstateStatus | None = None,
        service_level: ServiceLevel | None = None,
    ) -> str:
        number = len(elements) + 1
        table = {ElementKind.PUBLIC_SERVICE: "public_service", ElementKind.OPEN_DATASET: "open_dataset"}.get(
            kind, "system"
        )
        chosen = status or chance.choice(statuses)
        changing = chosen in (EstateStatus.PLANNED, EstateStatus.BUILDING) or chance.random() < 0.15
        tasks = tuple(next(task_id) for _ in range(chance.randint(1, 3))) if changing else ()
        elements.append(
            MapElement(
                key=f"{table}:{number}",
                table=table,
                record_id=number,
                kind=kind,
                name=name,
                short_name=short,
                unit_id=None if unit is None else unit + 1,
                unit_name=None if unit is None else UNITS[unit],
                level=level,
                status=chosen,
                service_level=service_level,
                task_ids=tasks,
                late=bool(tasks) and chance.random() < 0.3,
            )
        )
        return elements[-1].key

    def relate(
        kind: RelationKind, source: str, target: str, via: DataLinkVia | None = None, label: str | None = None
    ) -> None:
        relations.append(
            MapRelation(f"{kind.value}:{len(relations) + 1}", kind, source, target, via=via, label=label)
        )

    national = [
        add(kind, name, short, None, GovernmentLevel.NATIONAL, EstateStatus.RUNNING)
        for kind, name, short in NATIONAL
    ]
    province = [
        add(kind, name, short, 14 if i != 0 else 0, GovernmentLevel.MINISTRY_PROVINCE, EstateStatus.RUNNING)
        for i, (kind, name, short) in enumerate(PROVINCE)
    ]
    ndxp, portal, population = national[0], national[1], national[2]
    lgsp, tthc, centre, cloud, soc = province[0], province[1], province[3], province[4], province[5]
    relate(RelationKind.SHARES_DATA, lgsp, ndxp, DataLinkVia.DIRECT, "Dữ liệu liên thông")
    relate(RelationKind.SHARES_DATA, population, tthc, DataLinkVia.NDXP, "Thông tin công dân")
    relate(RelationKind.SHARES_DATA, tthc, portal, DataLinkVia.NDXP, "Hồ sơ, trạng thái xử lý")
    for key in (lgsp, tthc, province[2], soc):
        relate(RelationKind.HOSTED_ON, key, centre)
    # Each department's systems, databases, services and datasets, until the map has its size.
    unit_systems: dict[int, list[str]] = {}
    unit = 0
    while len(elements) < size:
        unit = (unit + 1) % len(UNITS)
        sector = SECTORS[unit % len(SECTORS)]
        systems = unit_systems.setdefault(unit, [])
        if len(systems) < 3 + size // 200 and chance.random() < 0.45:
            template = APPS[len(systems) % len(APPS)]
            kind = ElementKind.APPLICATION
            if len(systems) == 2:
                kind, template = ElementKind.DATABASE, "Cơ sở dữ liệu chuyên ngành {s}"
            key = add(kind, template.format(s=sector), None, unit, GovernmentLevel.DEPARTMENT)
            systems.append(key)
            host = cloud if chance.random() < 0.35 else centre
            if chance.random() < 0.2:  # a department's own server room, still
                host = add(
                    ElementKind.INFRASTRUCTURE,
                    f"Phòng máy chủ {SHORT[unit]}",
                    None,
                    unit,
                    GovernmentLevel.DEPARTMENT,
                )
            relate(RelationKind.HOSTED_ON, key, host)
            via = chance.choice([DataLinkVia.LGSP, DataLinkVia.LGSP, DataLinkVia.NDXP, DataLinkVia.DIRECT])
            relate(
                RelationKind.SHARES_DATA,
                key,
                lgsp if via is not DataLinkVia.NDXP else ndxp,
                via,
                f"Dữ liệu {sector}",
            )
            if kind is ElementKind.DATABASE and chance.random() < 0.5:
                dataset = add(
                    ElementKind.OPEN_DATASET,
                    f"Dữ liệu mở về {sector}",
                    None,
                    unit,
                    GovernmentLevel.DEPARTMENT,
                )
                relate(RelationKind.PUBLISHES, key, dataset)
            continue
        procedure = chance.choice(PROCEDURES).format(s=sector)
        level = chance.choice(
            [ServiceLevel.FULL_PROCESS_ONLINE, ServiceLevel.PARTIAL_ONLINE, ServiceLevel.INFORMATION]
        )
        service = add(
            ElementKind.PUBLIC_SERVICE, procedure, None, unit, GovernmentLevel.DEPARTMENT, service_level=level
        )
        relate(RelationKind.SERVES, tthc, service)
        if systems and chance.random() < 0.5:
            relate(RelationKind.SERVES, chance.choice(systems), service)
    return EstateMap(as_of, tuple(elements), tuple(relations))
