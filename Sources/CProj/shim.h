#ifndef CORDON_CPROJ_SHIM_H
#define CORDON_CPROJ_SHIM_H
#include <proj.h>
#endif
