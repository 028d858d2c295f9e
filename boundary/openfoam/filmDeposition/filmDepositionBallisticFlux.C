/*---------------------------------------------------------------------------*\
  magtwin: OpenFOAM boundary conditions for magnetron sputter tools.
  Built against OpenFOAM v1912 (www.openfoam.com), GPL-3.0-or-later like OpenFOAM.
\*---------------------------------------------------------------------------*/

// filmDeposition's ballistic (line-of-sight) flux: the target faces of every matching
// sputteredFlux patch on every processor, handed to the deposition engine's transport
// through bridge/LineOfSight.hpp (see filmDepositionFvPatchScalarField.H).
//
// Distribution across processors: each processor computes the flux on its own substrate
// faces only; the emitting target faces (centre, normal, atoms/s: 7 numbers a face) and,
// with shadowPatches, the occluding triangles are replicated on every processor. The
// reverse (replicating the substrate and splitting the targets) would send the largest
// patch of the case (10^5-10^6 faces on a Gen-10.5 glass) to every processor at every
// step and sum the partial fluxes back; the targets are the smaller set (10^4-10^5
// faces), and this way no substrate face leaves its processor. The fast (FFT) path puts
// the same grid over the whole patch on every processor (its extent reduced over all of
// them), so a face's flux does not depend on the decomposition (serial = parallel).

#include "filmDepositionFvPatchScalarField.H"
#include "volFields.H"

#include "boundary/openfoam/sputteredFlux/sputteredFluxFvPatchScalarField.H"
#include "boundary/openfoam/bridge/LineOfSight.hpp"
#include "boundary/openfoam/common/emitterFaces.H"
#include "Pstream.H"
#include "wedgePolyPatch.H"
#include "symmetryPlanePolyPatch.H"

#include <cmath>
#include <utility>
#include <vector>

// * * * * * * * * * * * * * * * Local Functions * * * * * * * * * * * * * * //

namespace
{
    magtwin::foam::Vec3 toVec3(const Foam::vector& v)
    {
        return {v.x(), v.y(), v.z()};
    }

    //- The ways of summing the ballistic flux (ballisticTransport)
    const Foam::wordList ballisticTransportNames{"auto", "pairwise", "fast"};

    //- ballisticTransport auto: the exact pairwise sum up to this many
    //- target-face x substrate-face pairs (about 1 s of one core at the 12 ns
    //- a pair of bench/bench_ballistic_flux.cpp), the FFT convolution above it
    constexpr Foam::scalar fastAbovePairs = 1e8;

    //- Copies of each target face round the axis of a wedge mesh (0.5 deg
    //- apart; LineOfSight.hpp revolveAboutAxis: its error)
    constexpr int wedgeCopies = 720;

    //- A point reflected across the plane n.x = d (n unit)
    magtwin::foam::Vec3 reflectPoint
    (
        const magtwin::foam::Vec3& p,
        const Foam::vector& n,
        const Foam::scalar d
    )
    {
        const Foam::scalar s = 2*(p[0]*n.x() + p[1]*n.y() + p[2]*n.z() - d);
        return {p[0] - s*n.x(), p[1] - s*n.y(), p[2] - s*n.z()};
    }

    //- A direction reflected across a plane of unit normal n
    magtwin::foam::Vec3 reflectDirection
    (
        const magtwin::foam::Vec3& v,
        const Foam::vector& n
    )
    {
        return reflectPoint(v, n, 0);
    }
}

// * * * * * * * * * * * * * Private Member Functions  * * * * * * * * * * * //

Foam::tmp<Foam::scalarField>
Foam::filmDepositionFvPatchScalarField::computeBallisticFlux() const
{
    const fvMesh& mesh = patch().boundaryMesh().mesh();
    const polyBoundaryMesh& pbm = mesh.boundaryMesh();
    const volScalarField& field =
        db().lookupObject<volScalarField>(internalField().name());
    DynamicList<const sputteredFluxFvPatchScalarField*> sources;
    forAll(pbm, patchi)
    {
        if (!lineOfSightSource_.match(pbm[patchi].name()))
        {
            continue;
        }
        const fvPatchScalarField& sourceField = field.boundaryField()[patchi];
        if (!isA<sputteredFluxFvPatchScalarField>(sourceField))
        {
            FatalErrorInFunction
                << "lineOfSightSource: patch '" << pbm[patchi].name()
                << "' of " << field.name() << " is " << sourceField.type()
                << ", not sputteredFlux" << exit(FatalError);
        }
        sources.append(&refCast<const sputteredFluxFvPatchScalarField>(sourceField));
    }
    if (sources.empty())
    {
        FatalErrorInFunction
            << "lineOfSightSource: no patch '" << lineOfSightSource_
            << "' in the mesh" << exit(FatalError);
    }

    // An axisymmetric wedge (v1912 counts its circumferential direction as
    // non-geometric, like an empty one: look for the wedge patches), else a 2-D
    // planar mesh: strips along the empty direction.
    const wedgePolyPatch* wedge = nullptr;
    for (const polyPatch& pp : pbm)
    {
        if (!wedge && isA<wedgePolyPatch>(pp))
        {
            wedge = &refCast<const wedgePolyPatch>(pp);
        }
    }
    const bool planar2D = mesh.nGeometricD() == 2 && !wedge;
    vector emptyDir(Zero);
    scalar depth = 1;
    if (planar2D)
    {
        for (direction d = 0; d < vector::nComponents; ++d)
        {
            if (mesh.geometricD()[d] < 0)
            {
                emptyDir[d] = 1;
                depth = mesh.bounds().span()[d];
            }
        }
    }

    // This processor's emitters: (1 - f_th) J |Sf| atoms/s (per metre in 2-D).
    DynamicList<point> centres;
    DynamicList<vector> emitterNormals;
    DynamicList<scalar> rates;
    for (const sputteredFluxFvPatchScalarField* source : sources)
    {
        const fvPatch& sp = source->patch();
        centres.append(sp.Cf());
        emitterNormals.append(vectorField(-sp.nf()));
        rates.append
        (
            scalarField
            (
                // The emission of this step, computed from the source's
                // current geometry and time (a source patch after this one
                // in the boundary list has not been updated yet this step).
                (1 - source->thermalizedFraction())*source->computeSputteredFlux()
               *sp.magSf()/depth
            )
        );
    }
    const emitterFaces all = gatherEmitterFaces(centres, emitterNormals, rates);
    std::vector<magtwin::foam::EmittingElement> emitters;
    forAll(all.centres, i)
    {
        const point& c = all.centres[i];
        const vector& n = all.normals[i];
        emitters.push_back({{c.x(), c.y(), c.z()}, {n.x(), n.y(), n.z()}, all.rates[i]});
    }

    if (wedge)
    {
        // The wedge's target faces stand for rings round the axis: revolve them
        // (bridge: revolveAboutAxis, wedgeCopies copies) and sum in 3-D. The axis
        // (direction axis(), OpenFOAM's wedgePolyPatch) is where the wedge plane
        // n.x = d_w meets the centre plane c.x = d_c (the mesh's mid-plane);
        // gamma = c.n = cos of the half angle.
        const vector& a = wedge->axis();
        const vector& c = wedge->centreNormal();
        const vector& n = wedge->n();
        const scalar gamma = c & n;
        const scalar dW = gMax(scalarField(wedge->faceCentres() & n));
        const scalar dC = c & (0.5*(mesh.bounds().min() + mesh.bounds().max()));
        const point p0 =
            ((dC - gamma*dW)*c + (dW - gamma*dC)*n)/(1 - sqr(gamma));
        emitters = magtwin::foam::revolveAboutAxis
        (
            emitters,
            toVec3(p0),
            toVec3(a),
            2*std::acos(min(mag(gamma), scalar(1))),
            wedgeCopies
        );
    }

    // Symmetry planes (symmetryPlane patches, e.g. `magtwin foam-case`'s half
    // chamber): the mesh stands for itself and its mirror image, so the
    // emitters of the mirrored part are the reflections of the meshed ones
    // (centre and normal reflected, same rate), taken across each plane in
    // turn (two planes: four images). The plane: the patch's normal and
    // n.x = max over its faces of n.C (order-independent reductions, so every
    // processor and decomposition uses the same plane).
    std::vector<std::pair<vector, scalar>> mirrorPlanes;
    if (!wedge)
    {
        for (const polyPatch& pp : pbm)
        {
            if
            (
                !isA<symmetryPlanePolyPatch>(pp)
             || returnReduce(pp.size(), sumOp<label>()) == 0
            )
            {
                continue;
            }
            const vector n = refCast<const symmetryPlanePolyPatch>(pp).n();
            const scalar d = gMax(scalarField(pp.faceCentres() & n));
            mirrorPlanes.emplace_back(n, d);
            const std::size_t nMeshed = emitters.size();
            for (std::size_t i = 0; i < nMeshed; ++i)
            {
                magtwin::foam::EmittingElement e = emitters[i];
                e.centre = reflectPoint(e.centre, n, d);
                e.normal = reflectDirection(e.normal, n);
                emitters.push_back(e);
            }
        }
    }

    magtwin::foam::BallisticTransport transport(emissionDistribution_, cosExponent_);
    if (gasPressure_ > 0)
    {
        transport.setGasAttenuation
        (
            gasPressure_,
            gasTemperature_,
            sigmaEff_,
            scatteredDeposited_
        );
    }
    const vectorField& Cf = patch().Cf();
    std::vector<magtwin::foam::Vec3> points;
    points.reserve(Cf.size());
    forAll(Cf, facei)
    {
        points.push_back(toVec3(Cf[facei]));
    }

    // The fast path: 3-D, no shadowing, one plane; under auto only where the
    // exact sum would cost more than fastAbovePairs target-substrate pairs
    // (collective: every processor takes the same branch).
    const scalar pairs =
        scalar(emitters.size())
       *scalar(returnReduce(patch().size(), sumOp<label>()));
    const bool fast =
        ballisticTransport_ != "pairwise" && !planar2D && !wedge
     && shadowPatches_.empty()
     && (ballisticTransport_ == "fast" || pairs > fastAbovePairs)
     && patchIsPlanar();
    if (ballisticTransport_ == "fast" && !fast)
    {
        FatalErrorInFunction
            << "Patch " << patch().name() << ": ballisticTransport fast needs a"
            << " planar patch of a 3-D mesh and no shadowPatches (use auto or"
            << " pairwise)" << exit(FatalError);
    }
    std::vector<double> engineFlux;
    if (fast)
    {
        // The patch's frame, from order-independent reductions (gMax, gMin) so
        // that every decomposition gives every processor the same grid.
        const vectorField nf(-patch().nf());
        vector n
        (
            gMax(nf.component(vector::X)),
            gMax(nf.component(vector::Y)),
            gMax(nf.component(vector::Z))
        );
        n /= mag(n);
        // e1: the axis least aligned with n, made normal to it; e2 = n x e1.
        direction k = 0;
        for (direction d = 1; d < vector::nComponents; ++d)
        {
            if (mag(n[d]) < mag(n[k]))
            {
                k = d;
            }
        }
        vector axis(Zero);
        axis[k] = 1;
        vector e1 = axis - (axis & n)*n;
        e1 /= mag(e1);
        const vector e2 = n ^ e1;
        const scalarField u(Cf & e1), v(Cf & e2);
        magtwin::foam::PlaneFrame frame;
        frame.origin = {0, 0, 0};
        frame.normal = toVec3(n);
        frame.e1 = toVec3(e1);
        frame.e2 = toVec3(e2);
        frame.uMin = gMin(u);
        frame.uMax = gMax(u);
        frame.vMin = gMin(v);
        frame.vMax = gMax(v);
        // The plane through the patch: origin on it (its offset along n).
        const point o = gMin(scalarField(Cf & n))*n;
        frame.origin = toVec3(o);
        frame.uMin -= (o & e1);
        frame.uMax -= (o & e1);
        frame.vMin -= (o & e2);
        frame.vMax -= (o & e2);
        if (patch().size())
        {
            engineFlux = transport.fluxOnPlane(emitters, points, frame);
        }
    }
    else
    {
        if (!shadowPatches_.empty())
        {
            // Occluding triangles of every shadow patch on every processor: each
            // face fanned from its centre.
            DynamicList<scalar> corners;
            forAll(pbm, patchi)
            {
                if (!shadowPatches_.match(pbm[patchi].name()))
                {
                    continue;
                }
                const polyPatch& pp = pbm[patchi];
                const pointField& points = pp.localPoints();
                const faceList& faces = pp.localFaces();
                const vectorField centres(pp.faceCentres());
                forAll(faces, facei)
                {
                    const face& f = faces[facei];
                    const point& c = centres[facei];
                    forAll(f, pointi)
                    {
                        const point& p1 = points[f[pointi]];
                        const point& p2 = points[f.nextLabel(pointi)];
                        for (direction d = 0; d < vector::nComponents; ++d)
                        {
                            corners.append(c[d]);
                        }
                        for (direction d = 0; d < vector::nComponents; ++d)
                        {
                            corners.append(p1[d]);
                        }
                        for (direction d = 0; d < vector::nComponents; ++d)
                        {
                            corners.append(p2[d]);
                        }
                    }
                }
            }
            List<scalarField> allCorners(Pstream::nProcs());
            allCorners[Pstream::myProcNo()] = corners;
            Pstream::gatherList(allCorners);
            Pstream::scatterList(allCorners);
            std::vector<magtwin::foam::Triangle> triangles;
            for (const scalarField& c : allCorners)
            {
                for (label i = 0; i + 8 < c.size(); i += 9)
                {
                    triangles.push_back
                    (
                        {
                            {c[i], c[i + 1], c[i + 2]},
                            {c[i + 3], c[i + 4], c[i + 5]},
                            {c[i + 6], c[i + 7], c[i + 8]}
                        }
                    );
                }
            }
            // The mirrored part's occluders (symmetry planes, as the emitters).
            for (const auto& plane : mirrorPlanes)
            {
                const std::size_t nMeshed = triangles.size();
                for (std::size_t i = 0; i < nMeshed; ++i)
                {
                    const magtwin::foam::Triangle& t = triangles[i];
                    triangles.push_back
                    (
                        {
                            reflectPoint(t.a, plane.first, plane.second),
                            reflectPoint(t.b, plane.first, plane.second),
                            reflectPoint(t.c, plane.first, plane.second)
                        }
                    );
                }
            }
            transport.setOccluders(std::move(triangles));
        }
        const vectorField receiverNormals(-patch().nf());
        std::vector<magtwin::foam::Vec3> normals;
        normals.reserve(Cf.size());
        forAll(Cf, facei)
        {
            normals.push_back(toVec3(receiverNormals[facei]));
        }
        engineFlux = transport.flux
        (
            emitters,
            points,
            normals,
            planar2D,
            toVec3(emptyDir)
        );
    }
    tmp<scalarField> tflux(new scalarField(patch().size()));
    scalarField& flux = tflux.ref();
    forAll(flux, facei)
    {
        flux[facei] = engineFlux[facei];
    }
    return tflux;
}


bool Foam::filmDepositionFvPatchScalarField::patchIsPlanar() const
{
    // One normal (each component within 1e-9 over all faces of all processors)
    // and every face centre on one plane (within 1e-9 of the patch's extent).
    const vectorField nf(patch().nf());
    const vectorField& Cf = patch().Cf();
    bool planar = returnReduce(patch().size(), sumOp<label>()) > 0;
    for (direction d = 0; d < vector::nComponents && planar; ++d)
    {
        const scalarField c(nf.component(d));
        planar = gMax(c) - gMin(c) < 1e-9;
    }
    if (!planar)
    {
        return false;
    }
    const vector n
    (
        gMax(nf.component(vector::X)),
        gMax(nf.component(vector::Y)),
        gMax(nf.component(vector::Z))
    );
    const scalarField offset(Cf & n);
    const boundBox bb(Cf, true);
    return gMax(offset) - gMin(offset) <= 1e-9*max(mag(bb.span()), SMALL);
}


void Foam::filmDepositionFvPatchScalarField::readBallisticEntries
(
    const dictionary& dict
)
{
    const fvMesh& mesh = patch().boundaryMesh().mesh();
    // v1912 counts a wedge's circumferential direction as non-geometric
    // (nGeometricD() == 2, like an empty one): look for the wedge patches.
    bool wedge = false;
    for (const polyPatch& pp : mesh.boundaryMesh())
    {
        wedge = wedge || isA<wedgePolyPatch>(pp);
    }
    ballisticTransport_ = dict.getOrDefault<word>("ballisticTransport", "auto");
    if (!ballisticTransportNames.found(ballisticTransport_))
    {
        FatalIOErrorInFunction(dict)
            << "Entry 'ballisticTransport': unknown '" << ballisticTransport_
            << "'; valid: " << ballisticTransportNames << nl << exit(FatalIOError);
    }
    shadowPatches_ = dict.getOrDefault<wordRes>("shadowPatches", wordRes());
    for (const wordRe& name : shadowPatches_)
    {
        bool matched = false;
        for (const polyPatch& pp : mesh.boundaryMesh())
        {
            matched = matched || name.match(pp.name());
        }
        if (!matched)
        {
            FatalIOErrorInFunction(dict)
                << "Entry 'shadowPatches': no patch '" << name << "'; patches: "
                << mesh.boundaryMesh().names() << nl << exit(FatalIOError);
        }
    }
    if (wedge && !shadowPatches_.empty())
    {
        FatalIOErrorInFunction(dict)
            << "Entry 'shadowPatches': shadowing is not available on an"
            << " axisymmetric (wedge) mesh (its occluders would be rings); use a"
            << " 3-D mesh (magtwin foam-case)" << nl << exit(FatalIOError);
    }
    if (ballisticTransport_ == "fast")
    {
        const char* reason =
            wedge ? "a 3-D mesh (this one is an axisymmetric wedge)"
          : mesh.nGeometricD() == 2 ? "a 3-D mesh (this one is 2-D)"
          : !shadowPatches_.empty() ? "no shadowPatches (the convolution has no shadowing)"
          : !patchIsPlanar() ? "a planar substrate patch (this one is not one plane)"
          : nullptr;
        if (reason)
        {
            FatalIOErrorInFunction(dict)
                << "Entry 'ballisticTransport': fast needs " << reason
                << "; use auto or pairwise" << nl << exit(FatalIOError);
        }
    }
}


void Foam::filmDepositionFvPatchScalarField::writeBallisticEntries
(
    Ostream& os
) const
{
    if (ballisticTransport_ != "auto")
    {
        os.writeEntry("ballisticTransport", ballisticTransport_);
    }
    if (!shadowPatches_.empty())
    {
        os.writeEntry("shadowPatches", shadowPatches_);
    }
}
