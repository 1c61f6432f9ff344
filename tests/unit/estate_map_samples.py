"""Estate maps built by hand for the exchange file's tests and bench: a province's, and a large one."""

from __future__ import annotations

import datetime
import itertools

from dxplanner.core.enums import DataLinkVia, EstateStatus, GovernmentLevel, Hosting, ServiceLevel
from dxplanner.core.estate_map import ElementKind as K
from dxplanner.core.estate_map import EstateMap, MapElement, MapRelation, RelationKind

DAY = datetime.date(2026, 6, 30)
PROVINCE, DEPARTMENT = (1, "UBND tỉnh Quảng Ninh"), (2, "Sở Thông tin và Truyền thông")


def _element(
    table: str, record_id: int, kind: K, name: str, unit: tuple[int, str] | None = PROVINCE, **fields: object
) -> MapElement:
    unit_id, unit_name = unit if unit else (None, None)
    values: dict[str, object] = {
        "short_name": None,
        # A system's level of government; the estate keeps none for a service or a dataset.
        "level": GovernmentLevel.MINISTRY_PROVINCE if table == "system" else None,
        "status": EstateStatus.RUNNING,
    }
    values.update(fields)
    return MapElement(
        key=f"{table}:{record_id}",
        table=table,
        record_id=record_id,
        kind=kind,
        name=name,
        unit_id=unit_id,
        unit_name=unit_name,
        **values,  # type: ignore[arg-type]
    )


def province_map() -> EstateMap:
    """A province's estate: one element of every kind and a line of every kind, in Vietnamese."""
    elements = (
        _element(
            "public_service",
            1,
            K.PUBLIC_SERVICE,
            "Đăng ký khai sinh",
            level=None,
            service_level=ServiceLevel.FULL_PROCESS_ONLINE,
        ),
        _element(
            "public_service",
            2,
            K.PUBLIC_SERVICE,
            "Cấp giấy phép xây dựng",
            DEPARTMENT,
            level=None,
            service_level=ServiceLevel.PARTIAL_ONLINE,
        ),
        _element(
            "system",
            1,
            K.APPLICATION,
            "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh",
            short_name="HTTTGQTTHC",
            hosting=Hosting.PROVINCIAL_DATA_CENTRE,
            security_level=3,
        ),
        _element("system", 2, K.PORTAL, "Cổng Dịch vụ công quốc gia", None, level=GovernmentLevel.NATIONAL),
        _element(
            "system", 3, K.PLATFORM, "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP)", short_name="LGSP"
        ),
        _element(
            "system",
            4,
            K.PLATFORM,
            "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)",
            None,
            level=GovernmentLevel.NATIONAL,
        ),
        _element(
            "system",
            5,
            K.DATABASE,
            "Cơ sở dữ liệu đất đai",
            DEPARTMENT,
            status=EstateStatus.BUILDING,
            security_level=2,
        ),
        _element("system", 6, K.INFRASTRUCTURE, "Trung tâm dữ liệu tỉnh", DEPARTMENT),
        _element(
            "system", 7, K.INFRASTRUCTURE, "Điện toán đám mây Chính phủ", None, status=EstateStatus.PLANNED
        ),
        _element("system", 8, K.SECURITY, "Trung tâm giám sát an toàn thông tin (SOC)", DEPARTMENT),
        _element(
            "open_dataset",
            1,
            K.OPEN_DATASET,
            "Danh mục thủ tục hành chính",
            level=None,
            late=True,
            task_ids=(4,),
        ),
        _element("open_dataset", 2, K.OPEN_DATASET, "Bản đồ quy hoạch sử dụng đất", DEPARTMENT, level=None),
    )
    relations = (
        MapRelation("hosted_on:1", RelationKind.HOSTED_ON, "system:1", "system:6"),
        MapRelation("hosted_on:3", RelationKind.HOSTED_ON, "system:3", "system:6"),
        MapRelation("hosted_on:5", RelationKind.HOSTED_ON, "system:5", "system:7", EstateStatus.PLANNED),
        MapRelation("hosted_on:8", RelationKind.HOSTED_ON, "system:8", "system:6"),
        MapRelation(
            "data_link:1",
            RelationKind.SHARES_DATA,
            "system:1",
            "system:2",
            via=DataLinkVia.NDXP,
            label="Hồ sơ, kết quả giải quyết thủ tục",
            record_id=1,
        ),
        MapRelation(
            "data_link:2",
            RelationKind.SHARES_DATA,
            "system:5",
            "system:1",
            EstateStatus.BUILDING,
            via=DataLinkVia.LGSP,
            label="Thông tin thửa đất",
            record_id=2,
        ),
        MapRelation("data_link:3", RelationKind.SHARES_DATA, "system:3", "system:4", via=DataLinkVia.DIRECT),
        MapRelation("data_link:4", RelationKind.SHARES_DATA, "system:8", "system:1", via=DataLinkVia.DIRECT),
        MapRelation("serves:1", RelationKind.SERVES, "system:1", "public_service:1"),
        MapRelation("serves:2", RelationKind.SERVES, "system:5", "public_service:2"),
        MapRelation("publishes:1", RelationKind.PUBLISHES, "system:1", "open_dataset:1"),
        MapRelation("publishes:2", RelationKind.PUBLISHES, "system:5", "open_dataset:2"),
    )
    return EstateMap(DAY, elements, relations)


def large_map(count: int) -> EstateMap:
    """About `count` elements in the proportions of a province's estate, every system on a host."""
    units = [(number, f"Sở {number}") for number in range(11, 31)]  # not the province's ids
    hosts = [_element("system", number, K.INFRASTRUCTURE, f"Trung tâm dữ liệu {number}") for number in (1, 2)]
    elements: list[MapElement] = list(hosts)
    relations: list[MapRelation] = []
    kinds = itertools.cycle([K.PUBLIC_SERVICE] * 5 + [K.APPLICATION, K.DATABASE, K.OPEN_DATASET, K.PLATFORM])
    last_system: str | None = None
    for number in range(3, count + 1):
        kind = next(kinds)
        unit = units[number % len(units)]
        table = {K.PUBLIC_SERVICE: "public_service", K.OPEN_DATASET: "open_dataset"}.get(kind, "system")
        element = _element(table, number, kind, f"Phần tử {number} của tỉnh", unit)
        elements.append(element)
        if table == "system":
            host = hosts[number % 2].key
            relations.append(MapRelation(f"hosted_on:{number}", RelationKind.HOSTED_ON, element.key, host))
            if last_system is not None:
                relations.append(
                    MapRelation(
                        f"data_link:{number}",
                        RelationKind.SHARES_DATA,
                        last_system,
                        element.key,
                        via=DataLinkVia.LGSP,
                        label=f"Dữ liệu {number}",
                    )
                )
            last_system = element.key
        elif last_system is not None:
            kind_of = RelationKind.SERVES if table == "public_service" else RelationKind.PUBLISHES
            relations.append(MapRelation(f"{kind_of.value}:{number}", kind_of, last_system, element.key))
    return EstateMap(DAY, tuple(elements), tuple(relations))
