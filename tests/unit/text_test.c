/* text_test.c: sentence splitting and tokenizing. */
#include <stdio.h>
#include <string.h>

#include "tests.h"
#include "text/text.h"

static struct kg_sentences S;
static struct kg_tokens T;

static int split(const char *s)
{
	kg_split_sentences(s, strlen(s), &S);
	return (int)S.n;
}

static int sent_is(const char *s, size_t i, const char *want)
{
	return i < S.n && S.v[i].len == strlen(want) && !memcmp(s + S.v[i].off, want, S.v[i].len);
}

static void abbreviations_do_not_split(void)
{
	const char *s = "Gen. Smith met U.S. officials on Jan. 3 in Washington. They talked.";

	CU_ASSERT_EQUAL(split(s), 2);
	CU_ASSERT(sent_is(s, 0, "Gen. Smith met U.S. officials on Jan. 3 in Washington."));
	CU_ASSERT(sent_is(s, 1, "They talked."));
}

static void dotted_abbreviation_can_end(void)
{
	const char *s = "Troops left the U.S. The talks resumed.";

	CU_ASSERT_EQUAL(split(s), 2);
	CU_ASSERT(sent_is(s, 1, "The talks resumed."));
}

static void initials_and_numbers(void)
{
	const char *s = "George W. Bush spoke. Growth was 3.5 percent! Was it? Yes.";

	CU_ASSERT_EQUAL(split(s), 4);
	CU_ASSERT(sent_is(s, 0, "George W. Bush spoke."));
	CU_ASSERT(sent_is(s, 1, "Growth was 3.5 percent!"));
}

static void headings_stand_alone(void)
{
	const char *s = "AT News\nKABUL - Iran is signaling a shift.\nIt acted.\n\nNew para";

	CU_ASSERT_EQUAL(split(s), 4);
	CU_ASSERT(sent_is(s, 0, "AT News"));
	CU_ASSERT(sent_is(s, 1, "KABUL - Iran is signaling a shift."));
	CU_ASSERT(sent_is(s, 3, "New para"));
}

static void wrapped_lines_join(void)
{
	const char *s = "The foreign ministers of Iran and Pakistan met on Tuesday in\n"
			"Islamabad to discuss border security.";

	CU_ASSERT_EQUAL(split(s), 1);
}

static void quotes_close_sentences(void)
{
	const char *s = "He said: \"We will respond.\" Officials agreed.";

	CU_ASSERT_EQUAL(split(s), 2);
	CU_ASSERT(sent_is(s, 0, "He said: \"We will respond.\""));
}

static int tok_is(const char *s, size_t i, const char *want)
{
	return i < T.n && T.v[i].len == strlen(want) && !memcmp(s + T.v[i].off, want, T.v[i].len);
}

static void tokens_keep_names_whole(void)
{
	const char *s = "Iran’s talks with al-Qaeda and the U.S.-led coalition, O'Brien's view.";

	kg_tokenize(s, 0, strlen(s), &T);
	CU_ASSERT(tok_is(s, 0, "Iran"));
	CU_ASSERT(tok_is(s, 1, "’s"));
	CU_ASSERT(T.v[1].flags & KG_TOK_POSS);
	CU_ASSERT(tok_is(s, 2, "talks"));
	CU_ASSERT(tok_is(s, 4, "al-Qaeda"));
	CU_ASSERT(tok_is(s, 7, "U.S.-led"));
	CU_ASSERT(tok_is(s, 9, ","));
	CU_ASSERT(T.v[9].flags & KG_TOK_PUNCT);
	CU_ASSERT(tok_is(s, 10, "O'Brien"));
	CU_ASSERT(tok_is(s, 11, "'s"));
	CU_ASSERT(T.v[0].flags & KG_TOK_CAP);
	CU_ASSERT(!(T.v[2].flags & KG_TOK_CAP));
}

static void tokens_flags(void)
{
	const char *s = "KABUL – ISKP killed 90 people";

	kg_tokenize(s, 0, strlen(s), &T);
	CU_ASSERT_EQUAL(T.n, 6);
	CU_ASSERT(T.v[0].flags & KG_TOK_UPPER);
	CU_ASSERT(T.v[1].flags & KG_TOK_DASH);
	CU_ASSERT(T.v[4].flags & KG_TOK_NUM);
	CU_ASSERT(kg_tok_is(s, &T.v[3], "killed"));
	CU_ASSERT(!kg_tok_is(s, &T.v[3], "kill"));
}

static void run_on_text_is_cut(void)
{
	static char s[20000];
	size_t i, n = 0, total = 0;

	/* 20,000 bytes of words and commas, no period. */
	for (i = 0; n + 12 < sizeof s - 1; i++)
		n += (size_t)snprintf(s + n, sizeof s - n, i % 7 ? "word%zu " : "item%zu, ", i);
	CU_ASSERT(split(s) >= (int)(n / KG_MAX_SENTENCE));
	for (i = 0; i < S.n; i++) {
		CU_ASSERT(S.v[i].len <= KG_MAX_SENTENCE);
		CU_ASSERT(S.v[i].off >= total);	/* in order, no overlap */
		total = S.v[i].off + S.v[i].len;
	}
	CU_ASSERT(total >= n - 2);	/* nothing lost at the end */
}

static void cleanup(void)
{
	kg_sentences_release(&S);
	kg_tokens_release(&T);
	CU_ASSERT_PTR_NULL(S.v);
}

void test_text(void)
{
	static CU_TestInfo tests[] = {
		{"abbreviations do not split", abbreviations_do_not_split},
		{"dotted abbreviation can end a sentence", dotted_abbreviation_can_end},
		{"initials and numbers", initials_and_numbers},
		{"headings stand alone", headings_stand_alone},
		{"wrapped lines join", wrapped_lines_join},
		{"quotes close sentences", quotes_close_sentences},
		{"tokens keep names whole", tokens_keep_names_whole},
		{"token flags", tokens_flags},
		{"run-on text is cut", run_on_text_is_cut},
		{"release", cleanup},
		CU_TEST_INFO_NULL
	};
	kg_suite("text", tests);
}
