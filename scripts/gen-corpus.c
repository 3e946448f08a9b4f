/*
 * gen-corpus.c: a deterministic generator of news-like articles, for the
 * benchmark (make bench) and the scale tests.
 *
 *   gen-corpus [-s MB] [-n ARTICLES] [-S SEED] [-d DIR]
 *
 * Writes JSON lines {"id","title","date","source","url","text"} to stdout
 * until SIZE megabytes (10^6 bytes) or N articles are written, or, with
 * -d DIR, one plain-text file per article (first line the title) into
 * DIR/NNN/.  The same arguments always give the same bytes: the random
 * numbers come from a fixed xorshift generator, never from the clock.
 *
 * With -t, writes instead N articles' worth of triples in kgraph
 * extract's JSON lines (docs/jsonl.md), about ten per article, to build
 * large stores quickly (ingest --triples) for the query benchmarks.
 *
 * Articles mix event sentences ("Iran condemned the attack by the Islamic
 * State in Kerman.") built from real actor names and relation words with
 * filler sentences of ordinary news prose, about one event in three
 * sentences, 6 to 30 sentences an article: the density of wire copy.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static unsigned long long rng_state = 0x9E3779B97F4A7C15ULL;

static unsigned long long rnd(void)
{
	unsigned long long x = rng_state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545F4914F6CDD1DULL;
}

static size_t pick(size_t n)
{
	return (size_t)(rnd() % n);
}

#define N(a) (sizeof a / sizeof *a)
#define ONE(a) (a[pick(N(a))])

/* Real actors of world politics: states, people with their offices,
 * armed groups, organisations. */
static const char *const states[] = {
	"Iran", "Afghanistan", "the United States", "Russia", "Ukraine", "China",
	"Israel", "Turkey", "Pakistan", "India", "Saudi Arabia", "Egypt", "Syria",
	"Iraq", "France", "Germany", "the United Kingdom", "Japan", "South Korea",
	"North Korea", "Qatar", "Jordan", "Lebanon", "Yemen", "Ethiopia", "Sudan",
	"Nigeria", "Mali", "Venezuela", "Colombia", "Brazil", "Mexico", "Poland",
	"Belarus", "Azerbaijan", "Armenia", "Georgia", "Kazakhstan", "Uzbekistan",
	"Tajikistan", "the United Arab Emirates", "Oman", "Libya", "Somalia",
};
/* CAMEO codes of the states, in the same order. */
static const char *const state_codes[] = {
	"IRN", "AFG", "USA", "RUS", "UKR", "CHN", "ISR", "TUR", "PAK", "IND", "SAU",
	"EGY", "SYR", "IRQ", "FRA", "DEU", "GBR", "JPN", "KOR", "PRK", "QAT", "JOR",
	"LBN", "YEM", "ETH", "SDN", "NGA", "MLI", "VEN", "COL", "BRA", "MEX", "POL",
	"BLR", "AZE", "ARM", "GEO", "KAZ", "UZB", "TJK", "ARE", "OMN", "LBY", "SOM",
};
static const char *const people[] = {
	"President Ebrahim Raisi", "Interior Minister Ahmad Vahidi",
	"Foreign Minister Hossein Amir-Abdollahian", "Siraj Haqqani",
	"President Joe Biden", "Secretary of State Antony Blinken",
	"President Vladimir Putin", "Foreign Minister Sergei Lavrov",
	"President Volodymyr Zelensky", "President Xi Jinping",
	"Prime Minister Benjamin Netanyahu", "President Recep Tayyip Erdogan",
	"Prime Minister Narendra Modi", "Crown Prince Mohammed bin Salman",
	"President Abdel Fattah el-Sisi", "President Emmanuel Macron",
	"Chancellor Olaf Scholz", "Prime Minister Rishi Sunak",
	"Secretary-General Antonio Guterres", "Emir Tamim bin Hamad Al Thani",
	"King Abdullah II", "Prime Minister Shehbaz Sharif",
};
static const char *const groups[] = {
	"the Taliban", "the Islamic State", "ISKP", "Hamas", "Hezbollah",
	"the Houthis", "al-Shabaab", "Boko Haram", "the Wagner Group",
	"the Kurdistan Workers' Party", "the Rapid Support Forces",
	"the United Nations", "NATO", "the European Union", "the African Union",
	"the Arab League", "the International Atomic Energy Agency",
	"the International Committee of the Red Cross", "Amnesty International",
	"the World Health Organization", "OPEC",
};
static const char *const places[] = {
	"Kerman", "Kabul", "Tehran", "Kandahar", "Herat", "Moscow", "Kyiv",
	"Kharkiv", "Beijing", "Gaza", "Jerusalem", "Ankara", "Islamabad",
	"Peshawar", "Riyadh", "Cairo", "Damascus", "Aleppo", "Baghdad", "Mosul",
	"Beirut", "Sanaa", "Aden", "Khartoum", "Mogadishu", "Doha", "Geneva",
	"Vienna", "Brussels", "New York", "Washington", "Paris", "Berlin",
};
static const char *const sources[] = {
	"AT News", "The Diplomat", "Reuters", "Associated Press", "Al Jazeera",
	"BBC News", "Dawn", "Tolo News", "The Hindu", "Kyiv Independent",
	"Le Monde", "Deutsche Welle", "Anadolu Agency", "Arab News",
};
static const char *const months[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

/* Event patterns: %1 the source actor, %2 the target, %3 a place. */
static const char *const events[] = {
	"%1 condemned the attack by %2 in %3.",
	"%1 is reportedly considering closer collaboration with %2.",
	"%1 signed a security agreement with %2 in %3 on Tuesday.",
	"%1 accused %2 of violating the ceasefire near %3.",
	"%1 met with %2 in %3 to discuss border security.",
	"%1 imposed new sanctions on %2 over its nuclear program.",
	"%1 called for cooperation with %2 against militant groups.",
	"%1 threatened %2 with military action after the strikes on %3.",
	"%1 praised %2 for its role in the negotiations.",
	"%1 may engage with %2 to target militant camps near %3.",
	"Forces loyal to %1 attacked positions held by %2 outside %3.",
	"%1 expelled diplomats of %2 on Monday, officials in %3 said.",
	"%1 pledged humanitarian aid to %2 after the floods in %3.",
	"%1 rejected the demands of %2, according to officials in %3.",
	"%1 will host talks with %2 in %3 next week.",
	"%1 denied that it had supplied weapons to %2.",
	"%1 and %2 agreed to exchange prisoners in %3.",
	"%1 warned %2 against any escalation in %3.",
	"%1 expressed support for %2 at the summit in %3.",
	"%1 arrested members of %2 in a raid in %3.",
	"The withdrawal of %1 from %3 left %2 in control of the city.",
	"%1 is exploring a mediation role between %2 and its neighbours.",
	"%1 could resume negotiations with %2 in %3, a spokesman said.",
	"%1 allegedly funded %2 through intermediaries in %3.",
};

/* Filler: the prose around the events. */
static const char *const fillers[] = {
	"The move comes amid growing tensions in the region.",
	"Analysts said the decision reflected a shift in regional priorities.",
	"The ministry did not respond to a request for comment.",
	"Officials spoke on condition of anonymity because they were not authorized to brief the press.",
	"Prices of food and fuel have risen sharply over the past year.",
	"The talks are expected to continue for several days.",
	"Thousands of people have been displaced by the fighting since the spring.",
	"Local media reported long queues at border crossings.",
	"The statement gave no details about the timing of the deployment.",
	"Diplomats cautioned that any agreement would take months to implement.",
	"The economy has struggled with high inflation and a weak currency.",
	"It was not immediately clear how many people were injured.",
	"Residents said electricity had been cut for most of the day.",
	"The government has promised an independent investigation.",
	"Observers noted that turnout was lower than in previous elections.",
	"Aid agencies warned of a worsening humanitarian situation.",
	"The border has been closed to most traffic since last month.",
	"Security was tight across the capital ahead of the ceremony.",
	"A spokesman said the meeting had been constructive and frank.",
	"Markets reacted calmly to the announcement.",
	"Critics argue that the policy has done little to reduce violence.",
	"The report, published on Wednesday, runs to more than 200 pages.",
	"Dr. Smith of the institute said the figures were broadly reliable.",
	"Gen. Ahmadi told reporters that the operation was going according to plan.",
	"Negotiators met again on Jan. 3 after a pause of several weeks.",
};

static const char *actor(void)
{
	size_t r = pick(10);

	if (r < 5)
		return ONE(states);
	if (r < 7)
		return ONE(people);
	return ONE(groups);
}

/* Append s to b, capitalising its first letter when at the start of a
 * sentence. */
static size_t put(char *b, size_t at, const char *s, int cap)
{
	size_t n = strlen(s);

	memcpy(b + at, s, n);
	if (cap && b[at] >= 'a' && b[at] <= 'z')
		b[at] = (char)(b[at] - 'a' + 'A');
	return at + n;
}

static size_t sentence(char *b, size_t at)
{
	const char *p, *a1, *a2, *pl;

	if (pick(3)) {
		at = put(b, at, ONE(fillers), 1);
		return at;
	}
	a1 = actor();
	do
		a2 = actor();
	while (a2 == a1);
	pl = ONE(places);
	for (p = ONE(events); *p; p++) {
		if (p[0] == '%' && p[1] >= '1' && p[1] <= '3') {
			const char *v = p[1] == '1' ? a1 : p[1] == '2' ? a2 : pl;
			at = put(b, at, v, 0);
			p++;
		} else {
			b[at++] = *p;
		}
	}
	return at;
}

/* The body of one article into b (big enough: 32 sentences of < 256). */
static size_t body(char *b, const char *place, const char *src)
{
	size_t at = 0, n = 6 + pick(25), i, start;

	at += (size_t)sprintf(b, "%s – ", place);
	for (i = 0; i < n; i++) {
		if (i && pick(5) == 0) {
			b[at++] = '\n';
		} else if (i) {
			b[at++] = ' ';
		}
		start = at;
		at = sentence(b, at);
		if (b[start] >= 'a' && b[start] <= 'z')
			b[start] = (char)(b[start] - 'a' + 'A');
		if (i == n / 2 && pick(2))
			at += (size_t)sprintf(b + at, " According to %s, the situation remains fluid.", src);
	}
	return at;
}

/* JSON string escaping for the few characters the texts can contain. */
static unsigned long long json_str(FILE *f, const char *s, size_t n)
{
	unsigned long long out = 2;

	putc('"', f);
	for (size_t i = 0; i < n; i++, out++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			putc('\\', f);
			putc(c, f);
			out++;
		} else if (c == '\n') {
			fputs("\\n", f);
			out++;
		} else {
			putc(c, f);
		}
	}
	putc('"', f);
	return out;
}

/* -t: triples between states, as kgraph extract writes them. */
static const char *const rel[][4] = {	/* predicate, cameo, quad class, goldstein */
	{"condemned", "111", "3", "-2.0"}, {"met with", "040", "1", "1.0"},
	{"signed an agreement with", "057", "1", "8.0"}, {"accused", "112", "3", "-2.0"},
	{"imposed sanctions on", "163", "4", "-8.0"}, {"cooperates with", "03", "1", "4.0"},
	{"threatened", "130", "3", "-4.4"}, {"praised", "051", "1", "3.4"},
	{"attacked", "190", "4", "-10.0"}, {"expelled diplomats of", "1246", "3", "-5.0"},
	{"pledged aid to", "033", "2", "5.2"}, {"rejected the demands of", "120", "3", "-4.0"},
};
static const char *const mods[] = {"actual", "actual", "actual", "intended", "considered", "possible"};

static void triples(long n)
{
	for (long k = 1; k <= n; k++) {
		size_t nt = 5 + pick(11), seq = 1;
		int day = 1 + (int)((k * 7) % 365);

		for (size_t i = 0; i < nt; i++) {
			size_t a = pick(N(states)), b = pick(N(states)), r = pick(N(rel));
			const char *pl = ONE(places);

			if (b == a)
				b = (a + 1) % N(states);
			seq += 1 + pick(2);
			printf("{\"article\":\"gen-%07ld\",\"sentence\":%zu,\"text\":\"%s%s %s %s in %s (%zu).\","
			       "\"subject\":{\"name\":\"%s\",\"code\":\"%s\",\"type\":\"state\"},"
			       "\"predicate\":\"%s\",\"object\":{\"name\":\"%s\",\"code\":\"%s\",\"type\":\"state\"},"
			       "\"cameo\":\"%s\",\"quad_class\":%s,\"goldstein\":%s,\"modality\":\"%s\","
			       "\"negated\":false,\"reported\":false,\"against\":null,"
			       "\"event_date\":\"2024-%02d-%02d\",\"location\":\"%s\",\"attribution\":null,"
			       "\"confidence\":0.8}\n",
			       k, seq, states[a][0] == 't' ? "T" : "", states[a] + (states[a][0] == 't'),
			       rel[r][0], states[b], pl, k, states[a], state_codes[a], rel[r][0], states[b],
			       state_codes[b], rel[r][1], rel[r][2], rel[r][3], mods[pick(N(mods))],
			       day / 31 % 12 + 1, 1 + day % 28, pl);
		}
	}
}

static void usage(void)
{
	fprintf(stderr, "usage: gen-corpus [-s MB] [-n ARTICLES] [-S SEED] [-d DIR] [-t]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	double mb = 10;
	long max = -1, k;
	const char *dir = NULL;
	static char text[32 * 512], title[512], path[4096];
	unsigned long long written = 0, limit;
	int mode_triples = 0;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-t")) {
			mode_triples = 1;
			continue;
		}
		if (i + 1 >= argc)
			usage();
		if (!strcmp(argv[i], "-s"))
			mb = atof(argv[++i]);
		else if (!strcmp(argv[i], "-n"))
			max = atol(argv[++i]);
		else if (!strcmp(argv[i], "-S"))
			rng_state ^= strtoull(argv[++i], NULL, 10) * 0xBF58476D1CE4E5B9ULL;
		else if (!strcmp(argv[i], "-d"))
			dir = argv[++i];
		else
			usage();
	}
	if (!rng_state)
		rng_state = 1;
	if (mode_triples) {
		triples(max < 0 ? 1000 : max);
		return fflush(stdout) != 0 || ferror(stdout);
	}
	limit = (unsigned long long)(mb * 1e6);
	if (dir && mkdir(dir, 0777) < 0 && errno != EEXIST) {
		fprintf(stderr, "gen-corpus: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	for (k = 1; max < 0 ? written < limit : k <= max; k++) {
		const char *place = ONE(places), *src = ONE(sources);
		const char *a1 = actor(), *a2 = actor();
		int day = 1 + (int)((k * 7) % 365), tn;
		int mon = day / 31 % 12, dom = 1 + day % 28;
		char date[16], id[32];
		size_t len = body(text, place, src);

		snprintf(date, sizeof date, "2024-%02d-%02d", mon + 1, dom);
		snprintf(id, sizeof id, "gen-%07ld", k);
		tn = snprintf(title, sizeof title, "%s and %s: talks in %s (%s %d)", a1, a2, place,
			      months[mon], dom);
		if (title[0] >= 'a' && title[0] <= 'z')
			title[0] = (char)(title[0] - 'a' + 'A');
		if (dir) {
			FILE *f;

			if (k % 1000 == 1) {
				snprintf(path, sizeof path, "%s/%04ld", dir, (k - 1) / 1000);
				if (mkdir(path, 0777) < 0 && errno != EEXIST) {
					fprintf(stderr, "gen-corpus: %s: %s\n", path, strerror(errno));
					return 1;
				}
			}
			snprintf(path, sizeof path, "%s/%04ld/%s.txt", dir, (k - 1) / 1000, id);
			if (!(f = fopen(path, "w"))) {
				fprintf(stderr, "gen-corpus: %s: %s\n", path, strerror(errno));
				return 1;
			}
			fprintf(f, "%s\n%.*s\n", title, (int)len, text);
			written += (unsigned long long)tn + len + 2;
			if (fclose(f) != 0) {
				fprintf(stderr, "gen-corpus: %s: write error\n", path);
				return 1;
			}
			continue;
		}
		written += (unsigned long long)printf("{\"id\":\"%s\",\"title\":", id);
		written += json_str(stdout, title, (size_t)tn);
		written += (unsigned long long)printf(",\"date\":\"%s\",\"source\":\"%s\","
						      "\"url\":\"https://news.example/%s\",\"text\":",
						      date, src, id);
		written += json_str(stdout, text, len);
		fputs("}\n", stdout);
		written += 2;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "gen-corpus: write error\n");
		return 1;
	}
	return 0;
}
