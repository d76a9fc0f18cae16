"""Countries and international organisations, with the aliases news uses for them.

One table for every stage: demonyms ("North Korean"), capitals and seats used as
metonyms ("Pyongyang", "the Kremlin", "the White House"), abbreviations ("DPRK",
"U.S."). A general gazetteer, not a list of any story's names. Each alias is written
lower-case with its own punctuation; consumers tokenise it their own way. Short
aliases that are also common words ("us", "un") are for readers that check case.
"""

from __future__ import annotations

PLACES: dict[str, tuple[str, ...]] = {
    "north korea": ("north korea", "north korean", "north koreans", "dprk", "pyongyang",),
    "south korea": (
        "south korea", "south korean", "south koreans", "republic of korea", "seoul", "rok",
    ),
    "russia": ("russia", "russian", "russians", "moscow", "kremlin", "russian federation",),
    "ukraine": ("ukraine", "ukrainian", "ukrainians", "kyiv", "kiev",),
    "united states": (
        "united states", "u.s.", "us", "usa", "american", "americans", "washington", "white house",
        "pentagon", "u.s.a.", "america",
    ),
    "china": ("china", "chinese", "beijing", "prc",),
    "european union": ("european union", "eu", "brussels", "e.u.", "european commission",),
    "nato": ("nato", "north atlantic treaty organization",),
    "united nations": ("united nations", "un", "u.n.",),
    "united kingdom": (
        "united kingdom", "uk", "u.k.", "britain", "british", "london", "downing street",
    ),
    "japan": ("japan", "japanese", "tokyo",),
    "france": ("france", "french", "paris", "elysee",),
    "germany": ("germany", "german", "berlin",),
    "italy": ("italy", "italian", "rome",),
    "spain": ("spain", "spanish", "madrid",),
    "poland": ("poland", "polish", "warsaw",),
    "canada": ("canada", "canadian", "ottawa",),
    "australia": ("australia", "australian", "canberra",),
    "india": ("india", "indian", "new delhi",),
    "pakistan": ("pakistan", "pakistani", "islamabad",),
    "iran": ("iran", "iranian", "tehran",),
    "israel": ("israel", "israeli", "israelis",),
    "palestine": ("palestine", "palestinian", "palestinians",),
    "gaza": ("gaza",),
    "syria": ("syria", "syrian", "damascus",),
    "iraq": ("iraq", "iraqi", "baghdad",),
    "turkey": ("turkey", "turkish", "ankara", "türkiye", "turkiye",),
    "belarus": ("belarus", "belarusian", "minsk",),
    "afghanistan": ("afghanistan", "afghan", "kabul",),
    "egypt": ("egypt", "egyptian", "cairo",),
    "lebanon": ("lebanon", "lebanese", "beirut",),
    "yemen": ("yemen", "yemeni",),
    "sudan": ("sudan", "sudanese", "khartoum",),
    "mexico": ("mexico", "mexican",),
    "brazil": ("brazil", "brazilian", "brasilia",),
    "taiwan": ("taiwan", "taiwanese", "taipei",),
    "new zealand": ("new zealand", "wellington",),
    "hungary": ("hungary", "hungarian", "budapest",),
    "saudi arabia": ("saudi arabia", "saudi", "riyadh",),
    "nigeria": ("nigeria", "nigerian", "abuja",),
    "g7": ("g7", "group of seven",),
    "imf": ("imf", "international monetary fund",),
}
