// AlongTrackProfile: a multiplier A(x) >= 0 of the ion flux along the straight tracks of
// a stadium racetrack (planar-rect and rotary), x along the straight in the cathode frame,
// -L_s/2 <= x <= L_s/2 (L_s the straight length). Both straights see the same A(x); each
// turnaround takes the factor of the straight's end it joins, A_j = A(-+L_s/2), times its
// own enhancement E(beta), so the flux stays continuous round the loop. RacetrackFlux keeps
// the area integral equal to I_ion/e: A_loop gains the exact integral of A (below).
//
// Why: the film under a finite source falls toward the source's ends (fewer neighbours
// contribute), which trims of whole cathodes cannot correct. Tool makers shape the plasma
// near the ends with magnet sections of different strength or position at the ends of the
// pattern (e.g. USRE46599, reissued 2017-11-07: magnet arrays with separately arranged
// turnaround portions; rotary magnetrons: R. De Gryse et al., Thin Solid Films 520 (2012)
// 5833). The end-boost shape below is this project's parametrisation of that fix (gain and
// length are the design variables), not a published law.
// Shapes:
//  - uniform:  A = 1 (today's racetrack; RacetrackFlux's results are bitwise unchanged).
//  - end-boost (gain G >= -1, length l, 0 < l <= L_s/2): with d = L_s/2 - |x| the distance
//        from the nearer end of the straight,
//            A(x) = 1 + G w(d / l),  w(u) = (1 + cos(pi u)) / 2 for u < 1, 0 beyond.
//        A raised cosine: A = 1 + G at the end with zero slope (no kink where the turnaround
//        joins), rising smoothly (C1) from the flat middle, as the field of a magnet section
//        of graded strength varies smoothly over a few pole gaps. Exact integral
//            integral_{-L_s/2}^{L_s/2} A dx = L_s + G l.
//  - table: points (c_i, f_i), c strictly increasing, f >= 0, linear between points and
//        held constant beyond the first and last; c is the position along the straight from
//        its end at x = -L_s/2 (symmetric: from the nearer end, so A(x) = A(-x)), as a
//        fraction of L_s or in millimetres (kept as given, so a tool file reads back exactly). The integral of a
//        piecewise-linear function is exact by the trapezoid rule on its breakpoints, which is how integral() computes
//        it.
// Validity: a factor on the flux magnitude only; the cross-track profile keeps its shape.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace magtwin {

struct AlongTrackProfile {
    enum class Shape { Uniform, EndBoost, Table };
    Shape shape = Shape::Uniform;
    double gain = 0.0;     ///< end-boost G: A = 1 + G at the ends of the straight
    double lengthM = 0.0;  ///< end-boost l: distance from each end over which the boost applies
    std::vector<std::pair<double, double>> points;  ///< table (c, factor)
    bool pointsInMillimetres = false;               ///< table c in mm (else fraction of L_s)
    bool symmetric = false;                         ///< table c measured from the nearer end

    /// The end-boost of gain G and length l.
    static AlongTrackProfile endBoost(double gain, double lengthM);
    /// True when A = 1 everywhere (uniform, gain 0 or a table of ones).
    bool isUniform() const;
    /// Throws std::invalid_argument naming the parameter when it does not fit a straight of
    /// length L_s (gain < -1, length outside (0, L_s/2], table out of range or not increasing, ...).
    void check(double straightLengthM) const;
    /// A at x (|x| > L_s/2: the end factor of that side). Exactly 1.0 when isUniform().
    double factor(double x, double straightLengthM) const;
    /// Exact integral of A over the straight (m); exactly L_s when isUniform().
    double integral(double straightLengthM) const;
    /// Parameters as text (erosion cache keys; 17 digits).
    std::string key() const;
};

/// "uniform" | "end-boost" | "table"; throws listing the valid names.
AlongTrackProfile::Shape alongTrackShapeFromName(const std::string& name);
std::string alongTrackShapeName(AlongTrackProfile::Shape shape);

}  // namespace magtwin
