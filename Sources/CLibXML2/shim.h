#ifndef EVIDENCE_CLIBXML2_SHIM_H
#define EVIDENCE_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, so its headers pull in <unicode/ucnv.h>, whose enums clash with the ICU copy
// inside Foundation. We never touch the ICU converter fields (they sit at the end of xmlCharEncodingHandler,
// which we neither allocate nor read), so leaving them out of our view of the headers is safe.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#endif
