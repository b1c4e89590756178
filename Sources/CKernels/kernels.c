// Empty: the kernels are static inline functions in include/kernels.h, compiled where Swift imports them.
#include "kernels.h"
