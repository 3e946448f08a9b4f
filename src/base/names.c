/* names.c: the text forms of the enums in kgraph.h. */
#include <string.h>

#include "base/kgraph.h"

static const char *const type_names[KG_ACTOR_NTYPES] = {
	"unknown", "state", "government", "person", "armed_group", "igo",
	"ngo", "media", "party", "movement", "company", "group",
};

static const char *const modality_names[] = {
	"actual", "intended", "considered", "possible",
};

const char *kg_actor_type_name(enum kg_actor_type t)
{
	return (unsigned)t < KG_ACTOR_NTYPES ? type_names[t] : "unknown";
}

int kg_actor_type_parse(const char *s)
{
	for (int i = 0; i < KG_ACTOR_NTYPES; i++)
		if (!strcmp(s, type_names[i]))
			return i;
	return -1;
}

const char *kg_modality_name(enum kg_modality m)
{
	return (unsigned)m < sizeof modality_names / sizeof *modality_names ?
	       modality_names[m] : "actual";
}

int kg_modality_parse(const char *s)
{
	for (size_t i = 0; i < sizeof modality_names / sizeof *modality_names; i++)
		if (!strcmp(s, modality_names[i]))
			return (int)i;
	return -1;
}
