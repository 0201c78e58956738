#ifndef FUNDLINT_CYAML_SHIM_H
#define FUNDLINT_CYAML_SHIM_H
#include <yaml.h>
#endif
