#!/usr/bin/python3
# test/data/make_matching_set.py
#	Generate the labeled lead-to-account matching set: matching_accounts.csv
#	(CRM accounts) and matching_signups.csv (sign-ups with the account they
#	truly belong to and how they were made).  The labels come from the
#	generation, never from the matcher: a sign-up is made FROM an account
#	(or from a company that is not in the CRM) and keeps that account's id.
#
#	Deterministic (fixed seed).  Run: /usr/bin/python3 make_matching_set.py
#
# Copyright (c) 2026, the sum developers
import csv
import os
import random

rnd = random.Random(int(os.environ.get("SEED", "20261123")))
here = os.environ.get("OUTDIR") or os.path.dirname(os.path.abspath(__file__))

SYL = ["al", "tu", "ra", "nor", "vex", "ko", "ri", "ban", "del", "ta", "zen", "mo", "lu", "qua",
       "tri", "ver", "sol", "mar", "kin", "do", "pe", "lin", "gar", "fi", "so", "ne", "xa", "bri",
       "cor", "vi", "sta", "tel", "om", "ni", "ca", "ru", "be", "ze", "ly", "gon", "pra", "to",
       "wen", "hal", "dri", "os", "ky", "mi", "fen", "ga"]
INDUSTRY = ["Systems", "Labs", "Logistics", "Analytics", "Software", "Foods", "Energy", "Health",
            "Robotics", "Capital", "Media", "Networks", "Solutions", "Dynamics", "Pharma",
            "Textiles", "Motors", "Studios", "Consulting", "Biotech", "Materials", "Security"]
WORDS = ["Blue", "Harbor", "Summit", "Silver", "North", "Pine", "Granite", "Red", "Iron", "Bright",
         "Cedar", "Golden", "River", "Stone", "Oak", "Swift", "Clear", "Maple", "Falcon", "Orbit"]

COUNTRIES = {
    "US": ([" Inc.", " Inc", ", Inc.", " LLC", " Corp.", " Corporation"], [".com", ".io", ".com"]),
    "GB": ([" Ltd", " Limited", " PLC", " Ltd."], [".co.uk", ".com"]),
    "DE": ([" GmbH", " AG", " GmbH & Co. KG", " SE"], [".de", ".com"]),
    "FR": ([" SAS", " SA", " SARL", " S.A."], [".fr", ".com"]),
    "ES": ([" S.L.", " S.A.", " SL"], [".es", ".com"]),
    "IT": ([" S.p.A.", " S.r.l.", " Srl"], [".it", ".com"]),
    "NL": ([" B.V.", " N.V.", " BV"], [".nl", ".com"]),
    "SE": ([" AB", " AB (publ)"], [".se", ".com"]),
    "PL": ([" Sp. z o.o.", " S.A."], [".pl", ".com"]),
    "BR": ([" Ltda.", " S.A.", " Ltda"], [".com.br"]),
    "MX": ([" S.A. de C.V.", " S. de R.L. de C.V."], [".com.mx", ".mx"]),
    "AU": ([" Pty Ltd", " Pty. Ltd."], [".com.au"]),
    "JP": ([" K.K.", " Co., Ltd."], [".co.jp", ".jp"]),
    "IN": ([" Pvt. Ltd.", " Private Limited"], [".in", ".co.in", ".com"]),
    "RU": ([" OOO", ""], [".ru"]),
    "CN": ([" Co., Ltd.", ""], [".cn", ".com.cn"]),
    "FI": ([" Oy", " Oyj"], [".fi"]),
    "DK": ([" A/S", " ApS"], [".dk"]),
}
FREEMAIL = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "gmx.de", "web.de", "mail.ru",
            "yandex.ru", "icloud.com", "protonmail.com", "qq.com", "163.com"]
FIRST = ["anna", "ben", "carla", "dev", "emma", "felix", "gita", "hugo", "ines", "jon", "kai",
         "lena", "mo", "nina", "omar", "paula", "quinn", "rosa", "sam", "tara", "uwe", "vera",
         "wei", "yuki", "zoe"]

# Latin syllable -> Cyrillic, for Russian brand names that ICU transliterates back
CYR = {"a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "e": "е", "z": "з", "i": "и", "k": "к",
       "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у",
       "f": "ф", "h": "х", "x": "кс", "y": "ы", "c": "к", "q": "к", "w": "в"}
# Katakana for consonant+vowel syllables
KANA = {"ka": "カ", "ki": "キ", "ku": "ク", "ke": "ケ", "ko": "コ", "sa": "サ", "shi": "シ",
        "su": "ス", "se": "セ", "so": "ソ", "ta": "タ", "chi": "チ", "tsu": "ツ", "te": "テ",
        "to": "ト", "na": "ナ", "ni": "ニ", "nu": "ヌ", "ne": "ネ", "no": "ノ", "ha": "ハ",
        "hi": "ヒ", "fu": "フ", "he": "ヘ", "ho": "ホ", "ma": "マ", "mi": "ミ", "mu": "ム",
        "me": "メ", "mo": "モ", "ya": "ヤ", "yu": "ユ", "yo": "ヨ", "ra": "ラ", "ri": "リ",
        "ru": "ル", "re": "レ", "ro": "ロ", "wa": "ワ"}
# Han characters with their pinyin (as ICU's Han-Latin spells them, tones removed)
HAN = [("华", "hua"), ("星", "xing"), ("科", "ke"), ("技", "ji"), ("东", "dong"), ("方", "fang"),
       ("天", "tian"), ("海", "hai"), ("龙", "long"), ("信", "xin"), ("达", "da"), ("明", "ming"),
       ("光", "guang"), ("新", "xin"), ("安", "an"), ("金", "jin")]


def brand():
    return "".join(rnd.choice(SYL) for _ in range(rnd.choice([2, 2, 3]))).capitalize()


def slug(s):
    return "".join(c for c in s.lower() if c.isalnum())


def typo(s):
    """one or two character edits inside a word (never the first letter)"""
    for _ in range(rnd.choice([1, 1, 2])):
        if len(s) < 5:
            break
        i = rnd.randrange(2, len(s) - 1)
        k = rnd.randrange(3)
        if not s[i].isalpha() or not s[i - 1].isalpha():
            continue
        if k == 0:
            s = s[:i] + s[i + 1:]
        elif k == 1:
            s = s[:i - 1] + s[i] + s[i - 1] + s[i + 1:]
        else:
            s = s[:i] + s[i] + s[i:]
    return s


def variant(base, country):
    """how a person types their employer's name"""
    forms = COUNTRIES[country][0]
    r = rnd.random()
    if r < 0.3:
        return base
    if r < 0.5:
        return base + rnd.choice(forms)
    if r < 0.65:
        return base.upper()
    if r < 0.8:
        return base.lower()
    return base + rnd.choice(forms).upper()


used_names = set()
used_domains = set()


def new_company():
    while True:
        b = brand()
        kind = rnd.random()
        if kind < 0.45:
            base = b
        elif kind < 0.8:
            base = b + " " + rnd.choice(INDUSTRY)
        else:
            base = rnd.choice(WORDS) + " " + b
        if slug(base) not in used_names and slug(b) not in used_names:
            used_names.add(slug(base))
            used_names.add(slug(b))
            return b, base


def new_domain(b, country, base):
    tld = rnd.choice(COUNTRIES[country][1])
    label = slug(base) if rnd.random() < 0.5 else slug(b)
    if rnd.random() < 0.15 and " " in base:
        label = "-".join(slug(w) for w in base.split())
    d = label + tld
    if d in used_domains:
        d = label + "group" + tld
    used_domains.add(d)
    return d


def cyrillic(latin):
    return "".join(CYR.get(c, c) for c in latin.lower())


def katakana_name():
    keys = list(KANA)
    sy = [rnd.choice(keys) for _ in range(rnd.choice([2, 3]))]
    return "".join(KANA[s] for s in sy), "".join(sy)


accounts = []
signups = []


def add_account(name, domain, country, parent=None, created="2020-01-01", brand_=None, base=None):
    aid = 1000 + len(accounts)
    accounts.append({"account_id": aid, "name": name, "domain": domain or "", "country": country,
                     "parent_account_id": parent or "", "created_at": created,
                     "_brand": brand_, "_base": base})
    return aid


def date():
    return "20%02d-%02d-%02d" % (rnd.randint(15, 24), rnd.randint(1, 12), rnd.randint(1, 28))


# ---- accounts -----------------------------------------------------------
plain = []
for i in range(470):
    country = rnd.choice(list(COUNTRIES))
    b, base = new_company()
    name = base + rnd.choice(COUNTRIES[country][0])
    dom = new_domain(b, country, base) if rnd.random() < 0.85 else None
    aid = add_account(name, dom, country, created=date(), brand_=b, base=base)
    plain.append(aid)

# non-Latin CRM names: Russian, Japanese, Chinese
nonlatin = []
for i in range(30):
    b = brand()
    while slug(b) in used_names:
        b = brand()
    used_names.add(slug(b))
    nonlatin.append(add_account("ООО «%s»" % cyrillic(b).capitalize(), None, "RU", created=date(),
                                brand_=b, base=b))
for i in range(20):
    kana, romaji = katakana_name()
    if romaji in used_names:
        continue
    used_names.add(romaji)
    nonlatin.append(add_account(kana + "株式会社", None, "JP", created=date(), brand_=romaji,
                                base=romaji.capitalize()))
for i in range(20):
    chars = rnd.sample(HAN, 2)
    han = "".join(c for c, _ in chars)
    pin = "".join(p for _, p in chars)
    if pin in used_names:
        continue
    used_names.add(pin)
    nonlatin.append(add_account(han + "科技有限公司", None, "CN", created=date(), brand_=pin,
                                base=pin.capitalize() + " Keji"))

# groups: a parent and subsidiaries in other countries sharing its domain
groups = []
for i in range(35):
    b, base = new_company()
    dom = slug(b) + ".com"
    used_domains.add(dom)
    parent = add_account(base + " Inc.", dom, "US", created="2016-01-01", brand_=b, base=base)
    subs = []
    for c in rnd.sample(["DE", "FR", "GB", "NL", "JP", "BR"], rnd.choice([1, 2, 3])):
        subs.append((add_account(base + rnd.choice(COUNTRIES[c][0]), dom, c, parent=parent,
                                 created=date(), brand_=b, base=base), c))
    groups.append((parent, subs, b, base, dom))

# duplicate CRM accounts: same company entered twice; the oldest is the master
duplicates = []
for aid in rnd.sample(plain, 25):
    a = accounts[aid - 1000]
    dup = add_account(a["_base"] + rnd.choice(COUNTRIES[a["country"]][0]), a["domain"] or None,
                      a["country"], created="2025-06-01", brand_=a["_brand"], base=a["_base"])
    a["created_at"] = "2015-01-01"
    duplicates.append((aid, dup))
dup_of = {d: m for m, d in duplicates}


# ---- sign-ups -----------------------------------------------------------
def person_email(domain):
    return "%s.%s@%s" % (rnd.choice(FIRST), rnd.choice(FIRST)[:rnd.randint(1, 5)], domain)


def add_signup(email, company, country, true_id, kind):
    signups.append({"signup_id": len(signups) + 1, "email": email, "company_name": company or "",
                    "country": country or "", "true_account_id": true_id or "", "kind": kind})


for aid in plain:
    a = accounts[aid - 1000]
    master = aid
    for _ in range(rnd.choice([2, 3, 3, 4])):
        r = rnd.random()
        if a["domain"] and r < 0.35:
            add_signup(person_email(a["domain"]), variant(a["_base"], a["country"]) if rnd.random() < 0.7 else None,
                       a["country"] if rnd.random() < 0.5 else None, master, "corporate_domain")
        elif r < 0.55:
            add_signup(person_email(rnd.choice(FREEMAIL)), variant(a["_base"], a["country"]),
                       None, master, "freemail_name")
        elif r < 0.72:
            add_signup(person_email(rnd.choice(FREEMAIL)), typo(variant(a["_base"], a["country"])),
                       a["country"] if rnd.random() < 0.5 else None, master, "freemail_typo")
        elif r < 0.82 and not a["domain"]:
            # the CRM lacks the domain; the email shows it
            d = slug(a["_brand"]) + rnd.choice(COUNTRIES[a["country"]][1])
            if d not in used_domains:
                add_signup(person_email(d), None, None, master, "email_domain_key")
        elif r < 0.9:
            # a sign-up that spells the company as its web address
            add_signup(person_email(rnd.choice(FREEMAIL)),
                       slug(a["_base"]) + rnd.choice([".com", ".io"]) if rnd.random() < 0.5 else a["_base"],
                       None, master, "freemail_name")
        else:
            add_signup(person_email(rnd.choice(FREEMAIL)), None, None, None, "freemail_no_company")

# sign-ups of the duplicated accounts: the master is the answer
for master, dup in duplicates:
    a = accounts[master - 1000]
    add_signup(person_email(rnd.choice(FREEMAIL)), variant(a["_base"], a["country"]), None, master,
               "duplicate_account")

# non-Latin: CRM in script, sign-up in Latin (and a few the other way round)
for aid in nonlatin:
    a = accounts[aid - 1000]
    for _ in range(2):
        company = a["_base"] if rnd.random() < 0.5 else a["_base"] + rnd.choice([" LLC", " Ltd", " Co., Ltd."])
        add_signup(person_email(rnd.choice(FREEMAIL)), company, None, aid, "non_latin")
    add_signup(person_email(rnd.choice(FREEMAIL)), a["name"], None, aid, "non_latin")

# subsidiaries: one domain, the country and name say which account
for parent, subs, b, base, dom in groups:
    add_signup(person_email(dom), base + " Inc.", "US", parent, "subsidiary")
    for sid, c in subs:
        add_signup(person_email(dom), accounts[sid - 1000]["name"], c, sid, "subsidiary")
        add_signup(person_email(dom), None, c, sid, "subsidiary")

# companies not in the CRM: corporate (shadow accounts) and free-mail
for i in range(260):
    country = rnd.choice(list(COUNTRIES))
    b, base = new_company()
    dom = new_domain(b, country, base)
    for _ in range(rnd.choice([1, 1, 2])):
        add_signup(person_email(dom), variant(base, country) if rnd.random() < 0.6 else None,
                   None, None, "new_company_corporate")
for i in range(180):
    country = rnd.choice(list(COUNTRIES))
    b, base = new_company()
    add_signup(person_email(rnd.choice(FREEMAIL)), variant(base, country) if rnd.random() < 0.7 else None,
               None, None, "new_company_freemail")

# near misses: a different company whose name resembles an account's
for aid in rnd.sample(plain, 120):
    a = accounts[aid - 1000]
    words = a["_base"].split()
    if len(words) > 1:
        other = words[0] + " " + rnd.choice([w for w in INDUSTRY if w != words[-1]])
    else:
        other = words[0] + " " + rnd.choice(INDUSTRY)
    if slug(other) in used_names:
        continue
    used_names.add(slug(other))
    add_signup(person_email(rnd.choice(FREEMAIL)), other, None, None, "near_miss")

rnd.shuffle(signups)
for i, s in enumerate(signups):
    s["signup_id"] = i + 1

with open(os.path.join(here, "matching_accounts.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["account_id", "name", "domain", "country", "parent_account_id", "created_at",
                "duplicate_of"])
    for a in accounts:
        w.writerow([a["account_id"], a["name"], a["domain"], a["country"], a["parent_account_id"],
                    a["created_at"], dup_of.get(a["account_id"], "")])
with open(os.path.join(here, "matching_signups.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["signup_id", "email", "company_name", "country", "true_account_id", "kind"])
    for s in sorted(signups, key=lambda s: s["signup_id"]):
        w.writerow([s["signup_id"], s["email"], s["company_name"], s["country"], s["true_account_id"],
                    s["kind"]])
print("accounts", len(accounts), "signups", len(signups))
