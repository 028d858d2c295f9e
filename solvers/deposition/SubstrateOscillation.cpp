#include "solvers/deposition/SubstrateOscillation.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {

namespace {

/// One monotone piece of a period: a sine quarter (phase from -> to, u = A sin(phase)), a
/// constant-speed move (u from -> to) or a stop at uFrom.
struct Segment {
    using Shape = SwingSegment::Shape;
    Shape shape;
    double durationS;
    double uFrom, uTo;
    double phaseFrom = 0, phaseTo = 0;
};

/// One period of the waveform (motion/SwingAverage's swingPeriod) in seconds and metres.
std::vector<Segment> periodSegments(const SubstrateOscillation& o) {
    const double A = o.amplitudeM, P = o.periodS;
    std::vector<Segment> out;
    for (const SwingSegment& s : swingPeriod(o.waveform, o.dwellFraction))
        out.push_back({s.shape, s.periodFraction * P, s.from * A, s.to * A, s.phaseFrom, s.phaseTo});
    return out;
}

double offsetWithin(const Segment& s, double tS, double amplitude) {
    const double f = s.durationS > 0 ? std::clamp(tS / s.durationS, 0.0, 1.0) : 1.0;
    switch (s.shape) {
        case Segment::Shape::Sine:
            return amplitude * std::sin(s.phaseFrom + f * (s.phaseTo - s.phaseFrom));
        case Segment::Shape::Linear:
            return s.uFrom + f * (s.uTo - s.uFrom);
        case Segment::Shape::Stop:
        default:
            return s.uFrom;
    }
}

/// Adds the hat-function weights of time spent on the grid offsets m dx (index m + reach).
class KernelBuilder {
public:
    KernelBuilder(double dx, std::size_t reach, double amplitude)
        : dx_(dx), reach_(long(reach)), a_(amplitude), w_(2 * reach + 1, 0.0) {}

    /// `durationS` of segment `s` starting at its beginning, `times` times over.
    void add(const Segment& s, double durationS, double times) {
        if (!(durationS > 0)) return;
        if (s.shape == Segment::Shape::Stop) return addPoint(s.uFrom, durationS * times);
        const double uEnd = offsetWithin(s, durationS, a_);
        const double lo = std::min(s.uFrom, uEnd), hi = std::max(s.uFrom, uEnd);
        if (!(hi > lo)) return addPoint(lo, durationS * times);
        for (long k = long(std::floor(lo / dx_)); double(k) * dx_ < hi; ++k) {
            const double a = std::max(lo, k * dx_), b = std::min(hi, (k + 1) * dx_);
            if (!(b > a)) continue;
            double mass, moment;  // time at offsets in [a, b] and int (u - k dx) dt there
            massAndMoment(s, a, b, k * dx_, mass, moment);
            bump(k, times * (mass - moment / dx_));
            bump(k + 1, times * moment / dx_);
        }
    }
    std::vector<double> weights() const { return w_; }

private:
    void massAndMoment(const Segment& s, double a, double b, double c, double& mass, double& moment) const {
        if (s.shape == Segment::Shape::Linear) {
            const double density = s.durationS / std::abs(s.uTo - s.uFrom);  // s per m
            mass = density * (b - a);
            moment = density * 0.5 * ((b - c) * (b - c) - (a - c) * (a - c));
            return;
        }
        // Sine quarter: dt = (P / 2 pi) du / sqrt(A^2 - u^2), P / 2 pi = duration / (pi / 2).
        const double scale = s.durationS / std::abs(s.phaseTo - s.phaseFrom);
        const auto asinOf = [&](double u) { return std::asin(std::clamp(u / a_, -1.0, 1.0)); };
        const auto rootOf = [&](double u) { return std::sqrt(std::max(0.0, a_ * a_ - u * u)); };
        mass = scale * (asinOf(b) - asinOf(a));
        moment = scale * (rootOf(a) - rootOf(b)) - c * mass;
    }
    void addPoint(double u, double timeS) {
        const long k = long(std::floor(u / dx_));
        const double f = u / dx_ - double(k);
        bump(k, timeS * (1 - f));
        bump(k + 1, timeS * f);
    }
    void bump(long m, double v) {
        if (v == 0) return;
        if (m < -reach_ || m > reach_) throw std::logic_error("oscillation kernel: offset beyond its reach");
        w_[std::size_t(m + reach_)] += v;
    }
    double dx_;
    long reach_;
    double a_;
    std::vector<double> w_;
};

void check(const SubstrateOscillation& o) {
    if (!(o.amplitudeM >= 0) || !std::isfinite(o.amplitudeM))
        throw std::invalid_argument("oscillation: amplitude must be >= 0");
    if (!(o.periodS > 0) || !std::isfinite(o.periodS)) throw std::invalid_argument("oscillation: period must be > 0");
    if (!(o.dwellFraction >= 0 && o.dwellFraction < 1))
        throw std::invalid_argument("oscillation: dwell fraction must be in [0, 1)");
}

}  // namespace

double oscillationOffset(const SubstrateOscillation& o, double tS) {
    check(o);
    if (o.amplitudeM == 0) return 0.0;
    double t = std::fmod(tS, o.periodS);
    if (t < 0) t += o.periodS;
    const std::vector<Segment> segments = periodSegments(o);
    for (const Segment& s : segments) {
        if (t <= s.durationS) return offsetWithin(s, t, o.amplitudeM);
        t -= s.durationS;
    }
    return 0.0;  // t == P up to rounding: back at the start
}

std::size_t oscillationReach(const SubstrateOscillation& o, double dx) {
    if (!(dx > 0)) throw std::invalid_argument("oscillation: grid pitch must be > 0");
    if (o.amplitudeM == 0) return 0;
    const double cells = std::ceil(o.amplitudeM / dx * (1 - 1e-12));
    if (cells > 1e6) throw std::invalid_argument("oscillation: amplitude of more than 1e6 grid pitches");
    return std::size_t(cells) + 1;
}

std::vector<double> oscillationWeights(const SubstrateOscillation& o, double timeS, double dx) {
    check(o);
    if (!(timeS > 0) || !std::isfinite(timeS)) throw std::invalid_argument("oscillation: time must be > 0");
    const std::size_t reach = oscillationReach(o, dx);
    if (reach == 0) return {timeS};
    KernelBuilder kernel(dx, reach, o.amplitudeM);
    const std::vector<Segment> segments = periodSegments(o);
    const double periods = std::floor(timeS / o.periodS);
    if (periods > 0)
        for (const Segment& s : segments) kernel.add(s, s.durationS, periods);
    double rest = timeS - periods * o.periodS;
    for (const Segment& s : segments) {
        if (!(rest > 0)) break;
        const double d = std::min(rest, s.durationS);
        kernel.add(s, d, 1.0);
        rest -= d;
    }
    return kernel.weights();
}

std::vector<double> oscillationAverage(const std::vector<double>& widened, std::size_t nx, std::size_t ny,
                                       const std::vector<double>& weights) {
    if (weights.empty() || weights.size() % 2 == 0)
        throw std::invalid_argument("oscillation: kernel of odd length expected");
    const std::size_t reach = weights.size() / 2, wide = nx + 2 * reach;
    if (widened.size() != wide * ny) throw std::invalid_argument("oscillation: widened field has the wrong size");
    std::vector<double> out(nx * ny, 0.0);
#pragma omp parallel for schedule(static)
    for (std::size_t j = 0; j < ny; ++j) {
        const double* row = widened.data() + wide * j;
        for (std::size_t i = 0; i < nx; ++i) {
            double s = 0;
            for (std::size_t m = 0; m < weights.size(); ++m) s += weights[m] * row[i + m];
            out[i + nx * j] = s;
        }
    }
    return out;
}

}  // namespace magtwin
