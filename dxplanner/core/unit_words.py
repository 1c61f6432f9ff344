"""The words that name kinds of bodies, by which a cell of units is split into their names."""

from __future__ import annotations

# Words a unit's name begins with: a comma list is a list of units only when each part begins so.
UNIT_WORDS = (
    "bo", "so", "cuc", "tong cuc", "vu", "vien", "ban", "uy ban", "ubnd", "van phong", "vp", "cong an",
    "ca ", "trung tam", "tt ", "truong", "benh vien", "doanh nghiep", "tap doan", "tong cong ty",
    "cong ty", "ngan hang", "dai ", "bao ", "hoi ", "phong", "chi cuc", "thanh tra", "kho bac", "bhxh",
    "bao hiem", "quan ", "huyen", "thi xa", "thanh pho", "tp ", "tinh", "hdnd", "hoi dong", "lien doan",
    "doan ", "hoc vien", "quy ", "bch", "bo chi huy", "toa an", "vien kiem sat", "ministry", "department",
    "office", "agency", "committee", "people's committee", "center", "centre", "authority", "don vi",
    "co quan", "tu van", "nha thau",
)  # fmt: skip
# First words that fold like a kind of body but, written with other marks, are other words: "Viên
# chức" (civil servants) is no "Viện", "Số hóa" no "Sở", "Trưởng ban" no "Trường". Folded word ->
# the ways a body's name writes it (lower case); a word written without any marks is let through.
MARKED_KINDS = {
    "vien": ("viện",), "so": ("sở",), "bo": ("bộ",), "vu": ("vụ",), "cuc": ("cục",),
    "truong": ("trường",), "ban": ("ban",), "phong": ("phòng",), "quy": ("quỹ",),
}  # fmt: skip
# Bodies of the State named by their own name, never a kind of body that a collective lists:
# "Các cơ quan Đảng, Quốc hội" is two, where "UBND các huyện, Thị xã" is one.
OWN_NAMES = (
    "quoc hoi", "chinh phu", "thu tuong", "chu tich nuoc", "thong tan xa", "kiem toan nha nuoc",
    "mat tran to quoc", "tinh uy", "thanh uy", "huyen uy", "ngan hang nha nuoc",
)  # fmt: skip
# The unit words that are short names, not words: "UBND" alone is a body, "BAN" alone a kind.
ABBREVIATIONS = frozenset({"ubnd", "hdnd", "bhxh", "bch", "vp", "tt", "ca", "tp"})
UNIT_PREFIXES = tuple(word if word.endswith(" ") else word + " " for word in (*UNIT_WORDS, *OWN_NAMES))
OWN_NAME_PREFIXES = tuple(word + " " for word in OWN_NAMES)
# A kind of body named alone ("Sở", "Tập đoàn"): the start of a collective that the next part goes on.
BARE_KINDS = frozenset(word.strip() for word in UNIT_WORDS) | {"nganh", "to chuc"}
# Kinds of body by family: a collective lists kinds of one family ("Các tỉnh, thành phố", "Tập
# đoàn, doanh nghiệp"); public bodies and localities go together ("Các bộ, ngành, địa phương").
ENTERPRISE_STARTS = tuple(
    word + " " for word in ("doanh nghiep", "tap doan", "tong cong ty", "cong ty", "hop tac xa")
)
LOCALITIES = ("tinh", "thanh pho", "huyen", "quan", "xa", "phuong", "thi xa", "thi tran", "dia phuong")
LOCALITY_STARTS = tuple(word + " " for word in LOCALITIES)
LOCALITY_ENDS = tuple(" " + word + " " for word in LOCALITIES)
PUBLIC_STARTS = LOCALITY_STARTS + tuple(
    word + " "
    for word in ("bo", "nganh", "so", "ban", "co quan", "don vi", "cuc", "vu", "vien", "ubnd", "uy ban")
)
# Kinds of body never inside one of their own kind: "Bộ A Bộ B" is two ministries.
NEVER_NESTED = frozenset({"Bộ", "Sở", "UBND"})
# Words that join two names: "Sở A và Sở B" is split there, not where the second "Sở" begins.
JOINERS = frozenset({"và", "với", "and", "&", "-", "–"})
