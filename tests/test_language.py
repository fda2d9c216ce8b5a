"""Language detection (language.py): py3langid's labels, a sample of each text, short texts undetermined.

The texts below were written for these tests, one per language; the expected label of each is the language it was
written in.
"""

import py3langid
import pytest

from mediabrief import language
from mediabrief.language import LANGUAGE_SAMPLE_CHARS, UNDETERMINED, detect_language, detect_languages

WRITTEN_IN = {
    "en": "The city council met on Tuesday evening to discuss the new bus routes, and several residents asked why the "
    "service to the northern districts would be cut while the budget for road repairs keeps growing every year.",
    "es": "El ayuntamiento se reunió el martes por la tarde para hablar de las nuevas líneas de autobús, y varios vecinos "
    "preguntaron por qué se recortará el servicio a los barrios del norte mientras crece el presupuesto de carreteras.",
    "fr": "Le conseil municipal s'est réuni mardi soir pour discuter des nouvelles lignes de bus, et plusieurs habitants "
    "ont demandé pourquoi le service vers les quartiers du nord serait réduit alors que le budget des routes augmente.",
    "de": "Der Stadtrat traf sich am Dienstagabend, um über die neuen Buslinien zu sprechen, und mehrere Anwohner fragten, "
    "warum die Verbindung in die nördlichen Bezirke gekürzt wird, während das Budget für Straßen jedes Jahr wächst.",
    "it": "Il consiglio comunale si è riunito martedì sera per discutere delle nuove linee di autobus, e diversi residenti "
    "hanno chiesto perché il servizio verso i quartieri del nord sarà ridotto mentre il bilancio delle strade cresce.",
    "pt": "A câmara municipal reuniu-se na terça-feira à noite para discutir as novas linhas de autocarro, e vários "
    "moradores perguntaram por que razão o serviço para os bairros do norte será cortado enquanto o orçamento cresce.",
    "nl": "De gemeenteraad kwam dinsdagavond bijeen om de nieuwe buslijnen te bespreken, en verschillende bewoners vroegen "
    "waarom de dienst naar de noordelijke wijken wordt ingekort terwijl het budget voor wegen elk jaar groeit.",
    "ru": "Городской совет собрался во вторник вечером, чтобы обсудить новые автобусные маршруты, и несколько жителей "
    "спросили, почему сократят обслуживание северных районов, тогда как бюджет на ремонт дорог растёт каждый год.",
    "pl": "Rada miasta zebrała się we wtorek wieczorem, aby omówić nowe linie autobusowe, a kilku mieszkańców pytało, "
    "dlaczego połączenia do północnych dzielnic zostaną ograniczone, skoro budżet na drogi rośnie każdego roku.",
    "tr": "Belediye meclisi salı akşamı yeni otobüs hatlarını görüşmek için toplandı ve birçok sakin, yol bütçesi her yıl "
    "artarken kuzey mahallelerine giden hizmetin neden azaltılacağını sordu. Toplantı gece yarısına kadar sürdü.",
    "ja": "市議会は火曜日の夜に新しいバス路線について話し合うために集まり、何人かの住民は、道路の補修予算が毎年増えているのに、"
    "なぜ北部の地区へのサービスが削減されるのかと質問しました。会議は深夜まで続き、多くの意見が出されました。",
    "zh": "市议会于星期二晚上开会讨论新的公交线路，几位居民询问，为什么在道路维修预算每年都在增加的情况下，"
    "通往北部地区的服务却要被削减。会议一直持续到深夜，大家提出了许多不同的意见和建议。",
}


def one_at_a_time(text: str) -> str:
    """What the loader did before: py3langid's classify on the text's first 800 characters."""
    return py3langid.classify(text[:LANGUAGE_SAMPLE_CHARS])[0]


def test_each_language_is_found():
    assert detect_languages(list(WRITTEN_IN.values())) == list(WRITTEN_IN)


def test_labels_are_py3langid_labels_for_varied_texts():
    texts = [
        *WRITTEN_IN.values(),
        WRITTEN_IN["en"].upper(),  # py3langid lowers an all-capital text first
        "Cafe\u0301 ",  # decomposed accent: py3langid normalises to NFC
        " ".join(WRITTEN_IN.values()),  # longer than the sample: only its first 800 characters count
        "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21",
        "x",
        "",
    ]
    assert language._classify([text[:LANGUAGE_SAMPLE_CHARS] for text in texts]) == [one_at_a_time(t) for t in texts]


def test_short_texts_are_undetermined_and_keep_their_place():
    texts = ["Too short to tell.", WRITTEN_IN["es"], "", WRITTEN_IN["fr"]]
    assert detect_languages(texts) == [UNDETERMINED, "es", UNDETERMINED, "fr"]
    assert detect_languages([]) == []


@pytest.mark.parametrize("code", ["en", "ja"])
def test_one_text(code):
    assert detect_language(WRITTEN_IN[code]) == code
